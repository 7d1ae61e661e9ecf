using System;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class LabelsTests
{
    private static readonly Matrix<double> OneHot = Check.M(new[,] { { 0.0, 1.0, 0.0 }, { 0.0, 0.0, 1.0 }, { 1.0, 0.0, 0.0 } });

    [Fact]
    public void ClassIndices_AreTheSameForBothForms()
    {
        Labels fromOneHot = OneHot;
        Labels fromIndices = new[] { 1, 2, 0 };

        Assert.Equal(new[] { 1, 2, 0 }, fromOneHot.ClassIndices());
        Assert.Equal(new[] { 1, 2, 0 }, fromIndices.ClassIndices());
        Assert.Equal(3, fromOneHot.Count);
    }

    [Fact]
    public void Rows_PicksSamplesWithReplacement_KeepingTheForm()
    {
        Labels fromOneHot = OneHot;
        Labels fromIndices = new[] { 1, 2, 0 };
        int[] rows = [2, 2, 0];

        Assert.Equal(Check.M(new[,] { { 1.0, 0.0, 0.0 }, { 1.0, 0.0, 0.0 }, { 0.0, 1.0, 0.0 } }), fromOneHot.Rows(rows).OneHot);
        Assert.Equal(new[] { 0, 0, 1 }, fromIndices.Rows(rows).Indices);
    }

    [Fact]
    public void NullLabels_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => Labels.FromIndices(null!));
        Assert.Throws<ArgumentNullException>(() => Labels.FromOneHot(null!));
    }
}
