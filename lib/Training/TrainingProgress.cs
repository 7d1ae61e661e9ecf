namespace Backprop;

/// <summary>What the training loop reports after each epoch: where it is and how it is doing.</summary>
public sealed record TrainingProgress(int Iteration, int Iterations, double Loss, EpochRecord Epoch);
