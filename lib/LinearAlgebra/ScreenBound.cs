using System;

namespace Backprop.LinearAlgebra;

/// <summary>
/// How far a score of <see cref="ScreenedArgmax"/>'s single-precision pass can lie from the same score computed in
/// double precision, in any order: for a row x and class c, ‖x‖₂ · PerNorm[c] + Constant[c].
/// </summary>
/// <remarks>
/// For hidden unit j let S = Σₚ|xₚ||Wₚⱼ| ≤ ‖x‖₂‖Wⱼ‖₂ (Cauchy-Schwarz). The float product lies within (N + 3)·2⁻²⁴·S of
/// the exact one, N being the roundings along its sum (k, plus one per block of k, plus one), the conversions of x
/// and W to float included; a double evaluation of x·W + b lies within (2k + 10)·2⁻⁵³·(S + |bⱼ|) of it. Together:
/// e·(S + |bⱼ|) per hidden unit. ReLU moves nothing apart. The second layer, Σⱼ hⱼVⱼc + dc in double on both
/// sides, adds e·Σⱼ(S + |bⱼ|)|Vⱼc| and its own rounding, g·(twice that + |dc|). Values that underflow to subnormals
/// add an absolute 2⁻¹⁴⁸ per rounding at most, also kept. Each sum here is rounded up (factors 1 + 1e-10, 1.01).
/// </remarks>
internal sealed class ScreenBound
{
    private const double U32 = 1.0 / (1 << 24);
    private const double U64 = 1.0 / (1L << 53);

    public required double[] PerNorm { get; init; }

    public required double[] Constant { get; init; }

    /// <summary>From the float sum of a row's squares to a bound on its ‖x‖₂.</summary>
    public required NormBound Norm { get; init; }

    /// <summary>
    /// The bound for the network x → relu(x·w + b)·v + d (w k×n, v n×classes, all column-major and finite), whose
    /// float pass sums k in blocks of blockOfK steps before it adds each block to its running total.
    /// </summary>
    public static ScreenBound For(int k, int blockOfK, double[] w, double[] b, double[] v, double[] d, int n, int classes)
    {
        const double Up = 1 + 1e-10;
        double tiny = Math.ScaleB(1, -148), sqrtK = Math.Sqrt(k);
        double roundings = k + ((k + blockOfK - 1) / blockOfK) + 1;
        double e = (1.02 * (roundings + 3) * U32) + (1.01 * ((2.0 * k) + 10) * U64);
        double g = 2.04 * 1.01 * ((2.0 * n) + 2) * U64;
        var norms = new double[n];
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int p = 0; p < k; p++)
            {
                sum += w[p + ((long)j * k)] * w[p + ((long)j * k)];
            }

            norms[j] = Math.Sqrt(sum) * Up;
        }

        var perNorm = new double[classes];
        var constant = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            double p = 0, q = 0, v1 = 0;
            for (int j = 0; j < n; j++)
            {
                double vjc = Math.Abs(v[j + (c * n)]);
                p += norms[j] * vjc;
                q += Math.Abs(b[j]) * vjc;
                v1 += vjc;
            }

            p *= Up;
            q *= Up;
            v1 *= Up;
            perNorm[c] = 1.01 * (((e + g) * p) + (tiny * sqrtK * v1));
            constant[c] = 1.01 * (((e + g) * q) + (g * Math.Abs(d[c])) + (tiny * ((roundings * v1) + (sqrtK * p))) + (Math.ScaleB(1, -1000) * (v1 + 1)));
        }

        return new ScreenBound
        {
            PerNorm = perNorm,
            Constant = constant,
            Norm = new NormBound(1 + (1.02 * (k + 2) * U32), k * Math.ScaleB(1, -125), sqrtK * Math.ScaleB(1, -149)),
        };
    }

    /// <summary>
    /// ‖x‖₂ from the float sum of the squares of x's float values: that sum's own rounding (factor), squares lost to
    /// underflow (absolute), the conversion of x to float (relative 2⁻²², and outside, what rounding to zero can hide).
    /// </summary>
    public readonly struct NormBound(double factor, double absolute, double outside)
    {
        private readonly double _factor = factor;
        private readonly double _absolute = absolute;
        private readonly double _outside = outside;

        public double Of(float sumOfSquares) =>
            ((Math.Sqrt((sumOfSquares * _factor) + _absolute) * (1 + Math.ScaleB(1, -22))) + _outside) * (1 + 1e-15);
    }
}
