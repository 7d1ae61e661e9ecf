using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop;

/// <summary>
/// What the book's layers, network and training loop (§5.4–5.7) say when given the wrong thing, in the learner's
/// language; kept here so each check in those files stays one line, as the book's code would read.
/// </summary>
internal static class Messages
{
    public static string ZeroRows(string where, string name, Matrix<double> x) => Pick(
        $"{where}: {name} is {Shape.Of(x)}, a batch of zero rows; give at least one sample.",
        $"{where}: {name}의 모양은 {Shape.Of(x)}, 행이 하나도 없는 배치입니다. 샘플을 하나 이상 넣으세요.");

    public static string NotSameShape(string where, string name, Matrix<double> actual, string expectedName, Matrix<double> expected) => Pick(
        $"{where}: {name} is {Shape.Of(actual)} but {expectedName} is {Shape.Of(expected)}; they must have the same shape.",
        $"{where}: {name}의 모양은 {Shape.Of(actual)}인데 {expectedName}의 모양은 {Shape.Of(expected)}입니다. 둘의 모양이 같아야 합니다.");

    public static string ForwardFirst(string layer) => Pick(
        $"{layer}.Backward: call Forward before Backward.", $"{layer}.Backward: Backward 전에 Forward를 먼저 호출하세요.");

    public static string ForwardOutput => Pick("the forward output", "순전파의 출력");

    public static string AffineBias(string name, Matrix<double> b, Matrix<double> w) => Pick(
        $"{name}: b is {Shape.Of(b)} but W is {Shape.Of(w)}; b needs to be 1×{w.ColumnCount}.",
        $"{name}: b는 {Shape.Of(b)}인데 W는 {Shape.Of(w)}입니다. b는 1×{w.ColumnCount}이어야 합니다.");

    public static string AffineColumns(string name, Matrix<double> x, Matrix<double> w) => Pick(
        $"{name}.Forward: x is {Shape.Of(x)} but W is {Shape.Of(w)}; x needs {w.RowCount} columns.",
        $"{name}.Forward: x는 {Shape.Of(x)}인데 W는 {Shape.Of(w)}입니다. x의 열이 {w.RowCount}개여야 합니다.");

    public static string AffineDout(string name, Matrix<double> dout, int rows, int columns) => Pick(
        $"{name}.Backward: dout is {Shape.Of(dout)} but the output was {rows}×{columns}; they must have the same shape.",
        $"{name}.Backward: dout은 {Shape.Of(dout)}인데 출력은 {rows}×{columns}였습니다. 둘의 모양이 같아야 합니다.");

    public static string ReluDout(string name, Matrix<double> dout, int rows, int columns) => Pick(
        $"{name}.Backward: dout is {Shape.Of(dout)} but the forward input was {rows}×{columns}; they must have the same shape.",
        $"{name}.Backward: dout은 {Shape.Of(dout)}인데 순전파의 입력은 {rows}×{columns}였습니다. 둘의 모양이 같아야 합니다.");

    public static string NoParameter(string name, IEnumerable<string> names) => Pick(
        $"Params[\"{name}\"]: no such parameter; there are {string.Join(", ", names)}.",
        $"Params[\"{name}\"]: 그런 매개변수는 없습니다. 있는 것은 {string.Join(", ", names)}입니다.");

    public static string ParameterShape(string name, Matrix<double> value, Matrix<double> target) => Pick(
        $"Params[\"{name}\"]: the new value is {Shape.Of(value)} but {name} is {Shape.Of(target)}; the shape cannot change.",
        $"Params[\"{name}\"]: 새 값은 {Shape.Of(value)}인데 {name}의 모양은 {Shape.Of(target)}입니다. 모양은 바꿀 수 없습니다.");

    public static string NetworkSizes(int inputSize, int hiddenSize, int outputSize) => Pick(
        $"TwoLayerNet: sizes must be positive, got {inputSize}-{hiddenSize}-{outputSize}.",
        $"TwoLayerNet: 크기는 양수여야 합니다. 받은 값: {inputSize}-{hiddenSize}-{outputSize}.");

    public static string Diverged(int iteration, double loss, double learningRate) => Pick(
        $"Training diverged at iteration {iteration}: the loss is {loss}. The learning rate {learningRate} is probably too high; try a lower one (e.g. {learningRate / 10}).",
        $"반복 {iteration}에서 학습이 발산했습니다: 손실이 {loss}입니다. 학습률({learningRate})이 너무 큰 것 같습니다. 더 작은 값(예: {learningRate / 10})으로 해 보세요.");

    public static string LabelRows(string name, Matrix<double> x, int labels) => Pick(
        $"Trainer.Train: x{name} is {Shape.Of(x)} but t{name} has {labels} rows; they must match.",
        $"Trainer.Train: x{name}의 모양은 {Shape.Of(x)}인데 t{name}의 행은 {labels}개입니다. 행 수가 같아야 합니다.");

    public static string TrainingOptions(TrainingOptions options) => Pick(
        $"Trainer.Train: need BatchSize > 0, Iterations >= 0, LearningRate > 0; got {options.BatchSize}, {options.Iterations}, {options.LearningRate}.",
        $"Trainer.Train: BatchSize > 0, Iterations >= 0, LearningRate > 0이어야 합니다. 받은 값: {options.BatchSize}, {options.Iterations}, {options.LearningRate}.");

    public static string History(int iterations) => Pick($"TrainingHistory: {iterations} iterations", $"TrainingHistory: 반복 {iterations}번");

    public static string History(int iterations, int epochs, EpochRecord last) => Pick(
        $"TrainingHistory: {iterations} iterations, {epochs} epochs, last train acc {last.TrainAccuracy:0.####}, test acc {last.TestAccuracy:0.####}",
        $"TrainingHistory: 반복 {iterations}번, 에폭 {epochs}번, 마지막 훈련 정확도 {last.TrainAccuracy:0.####}, 시험 정확도 {last.TestAccuracy:0.####}");
}
