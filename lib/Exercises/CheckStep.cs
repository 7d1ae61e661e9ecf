namespace Backprop;

/// <summary>One part of an exercise check (e.g. "Backward"), worth one point; the hint says what was wrong.</summary>
public sealed record CheckStep(string Name, CheckState State, string? Hint);
