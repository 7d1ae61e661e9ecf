using System;
using System.Linq;
using System.Text.RegularExpressions;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class DigitGridTests
{
    private static readonly Matrix<double> Images = Matrix<double>.Build.Dense(30, 784, (i, j) => (i * 7 + j) % 256 / 255.0);

    [Fact]
    public void Digits_ShowsCountImagesAsPngs()
    {
        DigitGrid grid = Show.Digits(Images, count: 12);

        Assert.Equal(12, grid.Count);
        Assert.Equal(28, grid.Side);
        Assert.Equal(12, Regex.Matches(grid.ToHtml(), "src=\"data:image/png;base64,").Count);
        Assert.Contains("image-rendering:pixelated", grid.ToHtml());
    }

    [Fact]
    public void Misclassified_AreCountedAndFramedInRed()
    {
        int[] labels = Enumerable.Range(0, 30).Select(i => i % 10).ToArray();
        int[] predictions = labels.Select((l, i) => i is 3 or 8 ? (l + 1) % 10 : l).ToArray();

        DigitGrid grid = Show.Digits(Images, labels, predictions, count: 10);

        Assert.Equal(2, grid.Misclassified);
        Assert.Equal(2, Regex.Matches(grid.ToHtml(), "class=\"bp-digit wrong\"").Count);
        Assert.Contains("pred 4 ≠ 3", grid.ToHtml());
        Assert.Contains("2 misclassified", grid.ToHtml());
    }

    [Fact]
    public void RawAndNormalisedPixels_LookTheSame()
    {
        var raw = Images.Map(v => Math.Round(v * 255));

        Assert.Equal(Strip(Show.Digits(Images, count: 3).ToHtml()), Strip(Show.Digits(raw, count: 3).ToHtml()));
    }

    [Fact]
    public void OneHotLabelsAndRawScores_AreReadAsClasses()
    {
        var oneHot = Matrix<double>.Build.Dense(30, 10, (i, j) => j == i % 10 ? 1 : 0);
        var scores = Matrix<double>.Build.Dense(30, 10, (i, j) => j == (i == 2 ? 5 : i % 10) ? 3.5 : -1);

        DigitGrid grid = Show.Digits(Images, oneHot, predictions: scores, count: 4);

        Assert.Equal([0, 1, 2, 3], grid.Labels!.Take(4));
        Assert.Equal([0, 1, 5, 3], grid.Predictions!.Take(4));
        Assert.Equal(1, grid.Misclassified);
    }

    [Fact]
    public void TooFewLabels_IsReported()
    {
        var error = Assert.Throws<ArgumentException>(() => Show.Digits(Images, labels: new[] { 1, 2 }, count: 5));
        Assert.Contains("5 images but only 2 labels", error.Message);
    }

    [Fact]
    public void NonSquareImages_AreReported()
    {
        var error = Assert.Throws<ArgumentException>(() => Show.Digits(Matrix<double>.Build.Dense(2, 780)));
        Assert.Contains("780", error.Message);
    }

    [Fact]
    public void SingleDigit_HasItsLabel()
    {
        DigitGrid grid = Show.Digit(Images.Row(0).ToArray(), label: 7);

        Assert.Equal("1 digit (28×28): 7", grid.ToString());
    }

    [Fact]
    public void AFewDigits_AreDrawnLarge_InAPanelNoWiderThanThey()
    {
        string three = Show.Digits(Images, count: 3).ToHtml();
        string thirty = Show.Digits(Images, count: 30, columns: 10).ToHtml();

        Assert.Contains("grid-template-columns:repeat(3,128px)", three);
        Assert.Contains("width=\"112\"", three);
        Assert.Contains("grid-template-columns:repeat(10,72px)", thirty);
        Assert.Contains("width=\"56\"", thirty);
    }

    private static string Strip(string html) => Regex.Replace(html, "digit \\d+", "");
}
