namespace Backprop.Kernel.Execution;

/// <summary>is_complete answer: complete, incomplete (with the indent for the next line), invalid or unknown.</summary>
internal sealed record IsCompleteResult(string Status, string Indent = "");
