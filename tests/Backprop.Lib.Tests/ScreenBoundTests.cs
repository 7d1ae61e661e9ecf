using System;
using System.Linq;
using Backprop.LinearAlgebra;

namespace Backprop.Lib.Tests;

/// <summary>The screen's error bound holds for scores computed in float, and is not so loose that it decides nothing.</summary>
public class ScreenBoundTests
{
    [Theory]
    [InlineData(784, 50, 10, 1)]
    [InlineData(300, 7, 3, 2)]
    [InlineData(1000, 20, 4, 3)]
    public void FloatScores_LieWithinTheBound_OfTheDoubleScores(int k, int n, int classes, int seed)
    {
        var random = new Random(seed);
        double[] w = Enumerable.Range(0, k * n).Select(_ => (random.NextDouble() - 0.5) * 0.2).ToArray();
        double[] b = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] v = Enumerable.Range(0, n * classes).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] d = Enumerable.Range(0, classes).Select(_ => random.NextDouble() - 0.5).ToArray();
        var bound = ScreenBound.For(k, 256, w, b, v, d, n, classes);
        double widest = 0, tightest = double.MaxValue;

        for (int row = 0; row < 200; row++)
        {
            double[] x = Enumerable.Range(0, k).Select(_ => random.NextDouble() < 0.5 ? 0 : random.Next(256) / 255.0).ToArray();
            double[] exact = Scores(x, w, b, v, d, n, classes, single: false);
            double[] screened = Scores(x, w, b, v, d, n, classes, single: true);
            float squares = x.Select(value => (float)value).Aggregate(0f, (sum, f) => MathF.FusedMultiplyAdd(f, f, sum));
            double norm = bound.Norm.Of(squares);
            Assert.True(norm >= Math.Sqrt(x.Sum(value => value * value)), "the norm bound is below the norm");
            for (int c = 0; c < classes; c++)
            {
                double error = Math.Abs(screened[c] - exact[c]);
                double allowed = (norm * bound.PerNorm[c]) + bound.Constant[c];
                Assert.True(error <= allowed, $"row {row} class {c}: the float score is {error:E2} off, the bound allows {allowed:E2}");
                widest = Math.Max(widest, error / allowed);
                tightest = Math.Min(tightest, allowed);
            }
        }

        // Loose enough to be safe, tight enough to be of use: far under the scores' own scale of ~1.
        Assert.InRange(tightest, 1e-9, 1e-2);
        Assert.True(widest > 1e-6, $"the float scores are at most {widest:E1} of the bound off: the test does not exercise it");
    }

    [Fact]
    public void NormBound_CoversValuesThatUnderflowOrRoundInFloat()
    {
        double[][] rows =
        [
            [1e-42, 3e-45, 0, 1e-300], // subnormal or zero as floats
            [1.0 / 3, 2.0 / 3, 1e-20, 5e-39],
            Enumerable.Repeat(1e-23, 784).ToArray(), // squares underflow in float
        ];
        foreach (double[] x in rows)
        {
            var bound = ScreenBound.For(x.Length, 256, new double[x.Length], [0], [0], [0], 1, 1);
            float squares = x.Select(value => (float)value).Aggregate(0f, (sum, f) => MathF.FusedMultiplyAdd(f, f, sum));

            Assert.True(bound.Norm.Of(squares) >= Math.Sqrt(x.Sum(value => value * value)));
        }
    }

    // relu(x·W + b)·V + d, the first product in float (fused, in order) or double, the rest in double: as the screen does.
    private static double[] Scores(double[] x, double[] w, double[] b, double[] v, double[] d, int n, int classes, bool single)
    {
        int k = x.Length;
        var hidden = new double[n];
        for (int j = 0; j < n; j++)
        {
            float fsum = 0;
            double dsum = 0;
            for (int p = 0; p < k; p++)
            {
                fsum = MathF.FusedMultiplyAdd((float)x[p], (float)w[p + (j * k)], fsum);
                dsum += x[p] * w[p + (j * k)];
            }

            hidden[j] = Math.Max(0, (single ? fsum : dsum) + b[j]);
        }

        var scores = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            scores[c] = d[c];
            for (int j = 0; j < n; j++)
            {
                scores[c] += hidden[j] * v[j + (c * n)];
            }
        }

        return scores;
    }
}
