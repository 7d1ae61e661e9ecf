using System;
using System.Diagnostics;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

internal static class Exp
{
    public static void Run()
    {
        var data = IdxData.Load();
        var network = new TwoLayerNet(784, 50, 10, seed: 0);
        double[] xRows = DenseOps.RowMajor(data.XTrain);
        var rows = new int[100];
        var random = new Random(1);
        var xBatch = Matrix<double>.Build.Dense(100, 784);
        Labels tTrain = data.TTrain;
        Labels tBatch = tTrain.Rows(rows);
        foreach (bool fresh in new[] { true, false, true, false })
        {
            double tg = 0, tgr = 0, tu = 0, tl = 0;
            const int n = 2000;
            for (int i = 0; i < n; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                if (fresh || i == 0)
                {
                    for (int k = 0; k < rows.Length; k++) rows[k] = random.Next(60000);
                    DenseOps.GatherRows(xRows, 784, rows, xBatch);
                    tTrain.CopyRowsTo(rows, tBatch);
                }
                long t1 = Stopwatch.GetTimestamp();
                var grad = network.Gradient(xBatch, tBatch);
                long t2 = Stopwatch.GetTimestamp();
                foreach (string key in grad.Keys) DenseOps.SubtractScaled(network.Params[key], 0.1, grad[key]);
                long t3 = Stopwatch.GetTimestamp();
                network.Loss(xBatch, tBatch);
                long t4 = Stopwatch.GetTimestamp();
                tg += t1 - t0; tgr += t2 - t1; tu += t3 - t2; tl += t4 - t3;
            }
            double f = 1e3 / Stopwatch.Frequency / n;
            Console.WriteLine($"fresh {fresh}: gather {tg * f:F3} gradient {tgr * f:F3} update {tu * f:F3} loss {tl * f:F3} ms");
        }
    }
}
