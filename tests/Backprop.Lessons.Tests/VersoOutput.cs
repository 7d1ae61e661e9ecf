namespace Backprop.Lessons.Tests;

/// <summary>One output of a cell as Verso's <c>verso run --output json</c> reports it: a MIME type and its content.</summary>
public sealed record VersoOutput(int CellIndex, string MimeType, string Content, bool IsError);
