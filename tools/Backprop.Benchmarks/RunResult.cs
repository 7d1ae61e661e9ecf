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
    double FinalLoss)
{
    /// <summary>Managed allocations per 1,000 steps, evaluations included (C# only).</summary>
    public double? MegabytesPerThousandSteps { get; init; }

    /// <summary>Gen0 / gen1 / gen2 collections per 1,000 steps (C# only).</summary>
    public GcCounts? CollectionsPerThousandSteps { get; init; }
}
