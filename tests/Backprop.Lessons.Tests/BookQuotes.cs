using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Backprop.Lessons.Tests;

/// <summary>What the lessons quote from their sources, kept verbatim in one place so a test can hold each lesson to it.</summary>
public static class BookQuotes
{
    /// <summary>
    /// The printed book's §5.7.3 output of gradient_check.py (Korean, Japanese and Chinese editions alike): written
    /// before the 1e-7 guard entered the official code (oreilly-japan/deep-learning-from-scratch commit ea91786, 2017).
    /// </summary>
    public static readonly string[] GradientCheckOutput =
    [
        "b1:9.70418809871e-13",
        "W2:8.41139039497e-13",
        "b2:1.1945999745e-10",
        "W1:2.2232446644e-13",
    ];

    /// <summary>The commit that added the guard, as the lesson names it.</summary>
    public const string GuardCommit = "commit ea91786, \"Add delta(1e-7) for cross_entropy_error\", 2017";

    /// <summary>The book's numbers by parameter, read from the quoted lines themselves.</summary>
    public static IReadOnlyDictionary<string, double> GradientCheck =>
        GradientCheckOutput.Select(line => line.Split(':')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
}
