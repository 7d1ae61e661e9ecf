using System;
using System.Collections.Generic;
using System.Linq;
using Backprop.Display.Texts;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>One-line charts for the lessons: functions and derivatives, bars of y and t, loss and accuracy curves, images.</summary>
public static class Chart
{
    public static Figure Line(IEnumerable<double> x, IEnumerable<double> y, string? name = null) =>
        Single(new Trace { Type = "scatter", Mode = "lines", Name = name, X = Boxed(x), Y = y.ToArray() });

    public static Figure Scatter(IEnumerable<double> x, IEnumerable<double> y, string? name = null) =>
        Single(new Trace { Type = "scatter", Mode = "markers", Name = name, X = Boxed(x), Y = y.ToArray() });

    /// <summary>y = f(x) sampled on [from, to]: <c>Chart.Function(Math.Tanh, -5, 5, "tanh")</c>.</summary>
    public static Figure Function(Func<double, double> f, double from, double to, string? name = null, int points = 201)
    {
        if (points < 2 || !(to > from))
        {
            throw new ArgumentException($"Chart.Function needs from < to and at least 2 points (got [{from}, {to}], {points}).");
        }

        double[] xs = Enumerable.Range(0, points).Select(i => from + (to - from) * i / (points - 1)).ToArray();
        return Line(xs, xs.Select(f), name);
    }

    /// <summary>Several functions on one chart: <c>Chart.Functions(-6, 6, ("sigmoid", Sigmoid), ("derivative", Dsigmoid))</c>.</summary>
    public static Figure Functions(double from, double to, params (string Name, Func<double, double> F)[] functions) =>
        functions.Aggregate(new Figure(), (figure, f) => figure.And(Function(f.F, from, to, f.Name)));

    public static Figure Bar(IEnumerable<string> categories, IEnumerable<double> values, string? name = null) =>
        Single(new Trace { Type = "bar", Name = name, X = categories.ToArray(), Y = values.ToArray() });

    /// <summary>Grouped bars, one colour per series, side by side for each category.</summary>
    public static Figure Bars(IEnumerable<string> categories, params (string Name, IEnumerable<double> Values)[] series)
    {
        string[] names = categories.ToArray();
        var figure = new Figure { Layout = new FigureLayout { BarMode = "group" } };
        return series.Aggregate(figure, (f, s) => f.And(new Trace { Type = "bar", Name = s.Name, X = names, Y = s.Values.ToArray() }));
    }

    /// <summary>Softmax output y, one-hot target t and their difference y − t per class: the gradient of §5.6.3.</summary>
    public static Figure OutputVsTarget(IEnumerable<double> y, IEnumerable<double> t)
    {
        double[] ys = y.ToArray(), ts = t.ToArray();
        if (ys.Length != ts.Length)
        {
            throw new ArgumentException($"y has {ys.Length} values but t has {ts.Length}; they must be the same length.");
        }

        string[] classes = Enumerable.Range(0, ys.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Figure figure = Bars(classes, ("y", ys), ("t", ts), ("y − t", ys.Zip(ts, (a, b) => a - b)))
            .WithAxisTitles(ChartTexts.Class.ToString(), ChartTexts.OutputTargetGradient.ToString());
        return figure with { Layout = figure.Layout with { XAxis = figure.Layout.XAxis! with { Type = "category" } } };
    }

    /// <summary>Loss per iteration (or per epoch): the learning curve; the x axis says "iteration" unless told.</summary>
    public static Figure Loss(IEnumerable<double> losses, string? xTitle = null)
    {
        double[] ys = losses.ToArray();
        string loss = ChartTexts.Loss.ToString();
        return Line(Enumerable.Range(0, ys.Length).Select(i => (double)i), ys, loss)
            .WithAxisTitles(xTitle ?? ChartTexts.Iteration.ToString(), loss);
    }

    /// <summary>Train (and test) accuracy per epoch on a 0–1 axis.</summary>
    public static Figure Accuracy(IEnumerable<double> train, IEnumerable<double>? test = null)
    {
        double[] tr = train.ToArray();
        var figure = Line(Enumerable.Range(0, tr.Length).Select(i => (double)i), tr, ChartTexts.Train.ToString());
        if (test is not null)
        {
            double[] te = test.ToArray();
            figure = figure.And(new Trace
            {
                Type = "scatter",
                Mode = "lines",
                Name = ChartTexts.Test.ToString(),
                X = Boxed(Enumerable.Range(0, te.Length).Select(i => (double)i)),
                Y = te,
                Line = new TraceLine(Dash: "dash"),
            });
        }

        figure = figure.WithAxisTitles(ChartTexts.Epoch.ToString(), ChartTexts.Accuracy.ToString()).WithYRange(0, 1.02);
        // Whole epochs only: a tick at epoch 2.5 means nothing.
        return figure with { Layout = figure.Layout with { XAxis = figure.Layout.XAxis! with { DTick = tr.Length <= 20 ? 1 : null } } };
    }

    /// <summary>The mini-batch loss of every iteration of a training run (§5.7.4).</summary>
    public static Figure Loss(TrainingHistory history) => Loss(history.Losses);

    /// <summary>Train and test accuracy of every epoch of a training run; epochs count from 0 like the trainer's.</summary>
    public static Figure Accuracy(TrainingHistory history) =>
        Accuracy(history.TrainAccuracies, history.TestAccuracies);

    public static Figure Heatmap(Matrix<double> m, string? title = null)
    {
        var figure = Single(new Trace { Type = "heatmap", Z = Rows(m), ColorScale = "RdBu", ReverseScale = true }) with
        {
            Layout = new FigureLayout { YAxis = new Axis { AutoRange = "reversed" } },
        };
        return title is null ? figure : figure.WithTitle(title);
    }

    /// <summary>A grayscale image (a 784-pixel MNIST row with width 28), row 0 at the top, square pixels.</summary>
    public static Figure Image(IEnumerable<double> pixels, int width, string? title = null)
    {
        double[] p = pixels.ToArray();
        if (width <= 0 || p.Length % width != 0)
        {
            throw new ArgumentException($"{p.Length} pixels cannot be cut into rows of width {width}.");
        }

        double[][] rows = p.Chunk(width).ToArray();
        var figure = Single(new Trace
        {
            Type = "heatmap",
            Z = rows,
            ColorScale = "Greys",
            ReverseScale = true,
            ShowScale = false,
        }) with
        {
            Layout = new FigureLayout
            {
                XAxis = new Axis { ShowGrid = false, ZeroLine = false, ShowTickLabels = false },
                YAxis = new Axis { AutoRange = "reversed", ScaleAnchor = "x", ShowGrid = false, ZeroLine = false, ShowTickLabels = false },
                Width = 320,
                Height = 320,
            },
        };
        return title is null ? figure : figure.WithTitle(title);
    }

    private static Figure Single(Trace trace) => new() { Data = [trace] };

    private static object[] Boxed(IEnumerable<double> values) => values.Select(v => (object)v).ToArray();

    private static double[][] Rows(Matrix<double> m) =>
        Enumerable.Range(0, m.RowCount).Select(i => m.Row(i).ToArray()).ToArray();
}
