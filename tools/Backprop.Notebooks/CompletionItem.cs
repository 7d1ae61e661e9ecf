namespace Backprop.Notebooks;

/// <summary>One completion candidate: the text to insert and its symbol kind ("Method", "Property", "Local", ...).</summary>
public sealed record CompletionItem(string Text, string Kind);
