using System.Collections.Generic;

namespace Backprop.Kernel.Execution;

/// <summary>Completion candidates replacing code[CursorStart..CursorEnd].</summary>
internal sealed record CompletionResult(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);
