using System;
using System.Globalization;

namespace Backprop.Benchmarks;

/// <summary>Garbage collections of each generation, to report per 1,000 training steps.</summary>
internal readonly record struct GcCounts(double Gen0, double Gen1, double Gen2)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public GcCounts Minus(GcCounts other) => new(Gen0 - other.Gen0, Gen1 - other.Gen1, Gen2 - other.Gen2);

    public GcCounts Times(double factor) => new(Gen0 * factor, Gen1 * factor, Gen2 * factor);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Gen0:F0} / {Gen1:F0} / {Gen2:F1}");
}
