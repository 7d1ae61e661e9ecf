namespace Backprop;

/// <summary>The accuracies measured once per epoch, and the iteration at which they were measured.</summary>
public sealed record EpochRecord(int Epoch, int Iteration, double TrainAccuracy, double TestAccuracy);
