namespace Backprop;

/// <summary>The hyperparameters of the book's training loop, §5.7.4 (defaults are the book's).</summary>
public sealed record TrainingOptions
{
    public int Iterations { get; init; } = 10000;

    public int BatchSize { get; init; } = 100;

    public double LearningRate { get; init; } = 0.1;

    /// <summary>Seed for drawing the mini-batches; the same seed (and net) gives the same history.</summary>
    public int? Seed { get; init; }
}
