using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>Completions at a cursor, with the span of code they replace (Jupyter's cursor_start / cursor_end).</summary>
public sealed record CompletionList(IReadOnlyList<CompletionItem> Items, int CursorStart, int CursorEnd);
