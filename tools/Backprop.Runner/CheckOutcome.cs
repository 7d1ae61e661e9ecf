namespace Backprop.Runner;

/// <summary>One exercise of one submission: the points its check gave and the first hint (empty when it passed).</summary>
internal sealed record CheckOutcome(string Student, string Lesson, string Exercise, int Points, int Max, string State, string Hint);
