using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Backprop.Benchmarks;

/// <summary>The book's train_neuralnet.py as lesson 6 writes it out, on the library, timed.</summary>
internal static class FullRun
{
    /// <summary>Flops of one book iteration (gradient with every dx, plus the extra loss) and one full evaluation.</summary>
    public static double IterationFlops(int batch) => 2.0 * batch * ((784 * 50 * 5) + (50 * 10 * 5));

    public static double EvaluationFlops(int rows) => 2.0 * rows * ((784 * 50) + (50 * 10));

    public static RunResult Run(IdxData data, int iterations, int seed)
    {
        var (xTrain, tTrain, xTest, tTest) = (data.XTrain, data.TTrain, data.XTest, data.TTest);
        var network = new TwoLayerNet(inputSize: 784, hiddenSize: 50, outputSize: 10, seed: seed);
        int trainSize = xTrain.RowCount, batchSize = 100;
        double learningRate = 0.1;
        var trainLossList = new List<double>(iterations);
        var trainAccList = new List<double>();
        var testAccList = new List<double>();
        int iterPerEpoch = Math.Max(trainSize / batchSize, 1);
        var random = new Random(seed);

        var gcs = GcCounts.Now();
        long allocated = GC.GetTotalAllocatedBytes(precise: false), start = Stopwatch.GetTimestamp(), evaluating = 0;
        for (int i = 0; i < iterations; i++)
        {
            int[] batchMask = random.Choice(trainSize, batchSize);
            var (xBatch, tBatch) = data.Train.Rows(batchMask);

            var grad = network.Gradient(xBatch, tBatch);
            foreach (string key in new[] { "W1", "b1", "W2", "b2" })
            {
                network.Params[key] -= learningRate * grad[key];
            }

            double loss = network.Loss(xBatch, tBatch);
            trainLossList.Add(loss);

            if (i % iterPerEpoch == 0)
            {
                long evaluation = Stopwatch.GetTimestamp();
                trainAccList.Add(network.Accuracy(xTrain, tTrain));
                testAccList.Add(network.Accuracy(xTest, tTest));
                evaluating += Stopwatch.GetTimestamp() - evaluation;
            }
        }

        double full = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double evaluations = Stopwatch.GetElapsedTime(0, evaluating).TotalSeconds;
        double perThousand = 1000.0 / Math.Max(iterations, 1);
        return new RunResult(
            "C# (lesson 6's loop)", full, (full - evaluations) / Math.Max(iterations, 1), evaluations / Math.Max(trainAccList.Count, 1),
            trainAccList.Count, trainAccList[^1], testAccList[^1], testAccList.ToArray(), trainLossList[^1])
        {
            MegabytesPerThousandSteps = (GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1e6 * perThousand,
            CollectionsPerThousandSteps = GcCounts.Now().Minus(gcs).Times(perThousand),
        };
    }
}
