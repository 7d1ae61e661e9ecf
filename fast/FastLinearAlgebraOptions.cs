using System;

namespace Backprop.Fast;

/// <summary>How a <see cref="FastLinearAlgebraProvider"/> runs the products under §5.6's Affine layers.</summary>
public sealed record FastLinearAlgebraOptions
{
    /// <summary>Split big products over a second core (a spinning helper thread); on by default where there is one.</summary>
    public bool UseSecondCore { get; init; } = Environment.ProcessorCount > 1;
}
