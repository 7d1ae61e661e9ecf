namespace Backprop.Lib.Tests;

/// <summary>Tests that swap MathNet's process-wide provider run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProviderSwapCollection
{
    public const string Name = "Swaps MathNet's provider";
}
