using System;
using System.Collections.Generic;
using System.Linq;

namespace Backprop;

/// <summary>What the book's loop collects (§5.7.4): the loss of every iteration and the accuracies of every epoch.</summary>
public sealed class TrainingHistory
{
    private readonly List<double> _losses = [];
    private readonly List<EpochRecord> _epochs = [];

    /// <summary>The mini-batch loss after each iteration's update (the book's <c>train_loss_list</c>).</summary>
    public IReadOnlyList<double> Losses => _losses;

    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    public IReadOnlyList<double> TrainAccuracies => _epochs.Select(e => e.TrainAccuracy).ToList();

    public IReadOnlyList<double> TestAccuracies => _epochs.Select(e => e.TestAccuracy).ToList();

    internal void AddLoss(double loss) => _losses.Add(loss);

    internal void AddEpoch(EpochRecord epoch) => _epochs.Add(epoch);

    public override string ToString() =>
        _epochs.Count == 0
            ? Messages.History(_losses.Count)
            : Messages.History(_losses.Count, _epochs.Count, _epochs[^1]);
}
