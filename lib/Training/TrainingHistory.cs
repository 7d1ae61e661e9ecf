using System;
using System.Collections.Generic;
using System.Linq;
using static Backprop.Display.Texts.Localized;

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
            ? Pick($"TrainingHistory: {_losses.Count} iterations", $"TrainingHistory: 반복 {_losses.Count}번")
            : Pick($"TrainingHistory: {_losses.Count} iterations, {_epochs.Count} epochs, last train acc {_epochs[^1].TrainAccuracy:0.####}, test acc {_epochs[^1].TestAccuracy:0.####}",
                $"TrainingHistory: 반복 {_losses.Count}번, 에폭 {_epochs.Count}번, 마지막 훈련 정확도 {_epochs[^1].TrainAccuracy:0.####}, 시험 정확도 {_epochs[^1].TestAccuracy:0.####}");
}
