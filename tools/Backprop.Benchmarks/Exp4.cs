using System;
using System.Diagnostics;
using System.Linq;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

internal static class Exp4
{
    public static void Run()
    {
        var data = IdxData.Load();
        GemmWorker.Enabled = Environment.GetEnvironmentVariable("TWO") is not null;
        var net = new TwoLayerNet(784, 50, 10, seed: 0);
        var rows = Enumerable.Range(0, 100).Select(i => i * 7).ToArray();
        var x = Matrix<double>.Build.Dense(100, 784, (i, j) => data.XTrain[rows[i], j]);
        Labels t = data.TTrain.Rows(rows);
        var a1 = net.Layers["Affine1"]; var r1 = net.Layers["Relu1"]; var a2 = net.Layers["Affine2"]; var last = net.LastLayer;
        Matrix<double> h1 = a1.Forward(x), h2 = r1.Forward(h1), s = a2.Forward(h2);
        last.Forward(s, t);
        Matrix<double> d = last.Backward(1), d2 = a2.Backward(d), d1 = r1.Backward(d2);
        a1.Backward(d1);
        Time("Affine1.Forward", () => a1.Forward(x));
        Time("Relu.Forward", () => r1.Forward(h1));
        Time("Affine2.Forward", () => a2.Forward(h2));
        Time("SoftmaxWithLoss.Forward", () => last.Forward(s, t));
        Time("SoftmaxWithLoss.Backward", () => last.Backward(1));
        Time("Affine2.Backward", () => a2.Backward(d));
        Time("Relu.Backward", () => r1.Backward(d2));
        Time("Affine1.Backward", () => a1.Backward(d1));
    }

    private static void Time(string name, Action action)
    {
        const int n = 3000;
        action();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++) action();
        Console.WriteLine($"{name,-26} {Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e3 / n,8:F1} µs");
    }
}
