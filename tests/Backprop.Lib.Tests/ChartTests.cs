using System;
using System.Linq;
using System.Text.Json;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class ChartTests
{
    [Fact]
    public void Functions_SampleEachFunctionOnTheSameGrid()
    {
        Figure figure = Chart.Functions(-2, 2, ("square", x => x * x), ("twice", x => 2 * x));

        Assert.Equal(2, figure.Data.Count);
        Assert.Equal(201, figure.Data[0].X!.Count);
        Assert.Equal(-2.0, (double)figure.Data[0].X![0]);
        Assert.Equal(2.0, (double)figure.Data[0].X![200]);
        Assert.Equal(4.0, figure.Data[0].Y![200], 1e-12);
        Assert.Equal(-4.0, figure.Data[1].Y![0], 1e-12);
    }

    [Fact]
    public void Function_RejectsAnEmptyInterval()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Function(Math.Exp, 1, 1));
        Assert.Contains("from < to", error.Message);
    }

    [Fact]
    public void OutputVsTarget_GroupsYTAndTheirDifference()
    {
        double[] y = [0.1, 0.7, 0.2];
        double[] t = [0, 1, 0];

        Figure figure = Chart.OutputVsTarget(y, t);

        using var json = JsonDocument.Parse(figure.ToJson());
        Assert.Equal("group", json.RootElement.GetProperty("layout").GetProperty("barmode").GetString());
        Assert.Equal("category", json.RootElement.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal(["y", "t", "y − t"], figure.Data.Select(d => d.Name));
        Assert.All(figure.Data, d => Assert.Equal("bar", d.Type));
        Assert.Equal(y.Zip(t, (a, b) => a - b), figure.Data[2].Y!);
        Assert.Equal(["0", "1", "2"], figure.Data[0].X!.Cast<string>());
    }

    [Fact]
    public void OutputVsTarget_RejectsMismatchedLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.OutputVsTarget([0.5, 0.5], [1.0]));
        Assert.Contains("y has 2 values but t has 1", error.Message);
    }

    [Fact]
    public void Loss_PlotsAgainstIteration()
    {
        Figure figure = Chart.Loss([2.3, 1.1, 0.4]);

        Assert.Equal([0.0, 1, 2], figure.Data[0].X!.Cast<double>());
        Assert.Equal("loss", figure.Layout.YAxis!.Title!.Text);
        Assert.Equal("iteration", figure.Layout.XAxis!.Title!.Text);
    }

    [Fact]
    public void Accuracy_DrawsTrainAndTestOnAZeroToOneAxis()
    {
        Figure figure = Chart.Accuracy([0.5, 0.9], [0.4, 0.85]);

        Assert.Equal(["train", "test"], figure.Data.Select(d => d.Name));
        Assert.Equal("dash", figure.Data[1].Line!.Dash);
        Assert.Equal([0.0, 1.02], figure.Layout.YAxis!.Range!);
        Assert.Equal(1, figure.Layout.XAxis!.DTick);
    }

    [Fact]
    public void TrainingHistory_GivesLossAndAccuracyCharts()
    {
        var history = new TrainingHistory();
        history.AddLoss(2.3);
        history.AddLoss(0.9);
        history.AddLoss(0.4);
        history.AddEpoch(new EpochRecord(0, 0, 0.1, 0.12));
        history.AddEpoch(new EpochRecord(1, 2, 0.8, 0.79));

        Figure loss = Chart.Loss(history);
        Figure accuracy = Chart.Accuracy(history);

        Assert.Equal(history.Losses, loss.Data[0].Y!);
        Assert.Equal([0.1, 0.8], accuracy.Data[0].Y!);
        Assert.Equal([0.12, 0.79], accuracy.Data[1].Y!);
        Assert.Equal(history.Epochs.Select(e => (double)e.Epoch), accuracy.Data[0].X!.Cast<double>());
    }

    [Fact]
    public void Image_CutsPixelsIntoRowsTopDown()
    {
        double[] pixels = Enumerable.Range(0, 6).Select(i => (double)i).ToArray();

        Figure figure = Chart.Image(pixels, width: 3);

        Assert.Equal([3.0, 4, 5], figure.Data[0].Z![1]);
        Assert.Equal("reversed", figure.Layout.YAxis!.AutoRange);
        Assert.Throws<ArgumentException>(() => Chart.Image(pixels, width: 4));
    }

    [Fact]
    public void Heatmap_KeepsMatrixRows()
    {
        var m = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });

        Figure figure = Chart.Heatmap(m, "W");

        Assert.Equal([3.0, 4], figure.Data[0].Z![1]);
        Assert.Equal("W", figure.Layout.Title!.Text);
    }
}
