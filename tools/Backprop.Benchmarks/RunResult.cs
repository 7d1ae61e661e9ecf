namespace Backprop.Benchmarks;

/// <summary>One full run of either implementation: the seconds and the accuracies it reached.</summary>
internal sealed record RunResult(
    string Implementation,
    double FullSeconds,
    double IterationSeconds,
    double EvaluationSeconds,
    int Evaluations,
    double TrainAccuracy,
    double TestAccuracy,
    double[] TestAccuracies,
    double FinalLoss);
