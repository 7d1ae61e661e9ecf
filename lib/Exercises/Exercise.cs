using System;
using System.Collections.Generic;
using Backprop.Display.Texts;
using Backprop.Exercises;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// The checks of the lessons' exercises (§5.4–§5.7): each runs the student's code on several inputs against the library
/// and numerical gradients, and answers in a sentence: passed, not done yet, or the first thing wrong with a hint.
/// </summary>
/// <remarks>A check never throws: whatever the student's code throws becomes the hint.</remarks>
public static class Exercise
{
    /// <summary>Lesson 1: a multiplication node, e.g. <c>Exercise.MulLayer(() =&gt; new MyMulLayer())</c>.</summary>
    public static CheckResult MulLayer(Func<object> create) => Guard("MulLayer", () => NodeCheck.Mul(create, ClassName(create)));

    /// <summary>Lesson 1: an addition node.</summary>
    public static CheckResult AddLayer(Func<object> create) => Guard("AddLayer", () => NodeCheck.Add(create, ClassName(create)));

    /// <summary>Lesson 1: the gradients of the apple-and-orange shop (Figure 5-17), worked out by hand.</summary>
    public static CheckResult AppleShop(double dApple, double dAppleNum, double dOrange, double dOrangeNum, double dTax) =>
        Guard("Apple shop by hand", () => AppleShopCheck.Run(dApple, dAppleNum, dOrange, dOrangeNum, dTax));

    /// <summary>Lesson 2: a ReLU layer, e.g. <c>Exercise.Relu(() =&gt; new MyRelu())</c>.</summary>
    public static CheckResult Relu(Func<ILayer> create) => Guard("Relu", () => ReluCheck.Run(create, ClassName(create)));

    /// <summary>Lesson 2: a Sigmoid layer.</summary>
    public static CheckResult Sigmoid(Func<ILayer> create) => Guard("Sigmoid", () => SigmoidCheck.Run(create, ClassName(create)));

    /// <summary>Lesson 3: an Affine layer made from W and b (1×n), with public DW and DB set by Backward.</summary>
    public static CheckResult Affine(Func<Matrix<double>, Matrix<double>, ILayer> create) =>
        Guard("Affine", () => AffineCheck.Run(create, ClassName(() => create(Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(1, 3)))));

    /// <summary>Lesson 4: a Softmax-with-Loss layer with <c>double Forward(x, t)</c> and <c>Matrix Backward(double dout = 1)</c>.</summary>
    public static CheckResult SoftmaxWithLoss(Func<object> create) =>
        Guard("SoftmaxWithLoss", () => SoftmaxWithLossCheck.Run(create, ClassName(create)));

    /// <summary>Lesson 5: the network's gradient by backprop, written as a function of the network.</summary>
    public static CheckResult Gradient(Func<TwoLayerNet, Matrix<double>, Labels, Parameters> gradient) =>
        Guard("TwoLayerNet.Gradient", () => GradientCheck.Run(gradient, Name(gradient)));

    /// <summary>A hidden check of lesson 5: the same network asked for another batch's gradient gets that batch's.</summary>
    public static CheckResult GradientReused(Func<TwoLayerNet, Matrix<double>, Labels, Parameters> gradient) =>
        Guard("TwoLayerNet.Gradient, reused", () => GradientCheck.Reused(gradient, Name(gradient)));

    /// <summary>Lesson 6: one SGD step on every parameter.</summary>
    public static CheckResult SgdUpdate(Action<TwoLayerNet, Parameters, double> update) =>
        Guard("SGD update", () => SgdUpdateCheck.Run(update, Name(update)));

    /// <summary>Lesson 6: the training loop, (network, x, t, iterations, batch size, learning rate) → the loss of every iteration.</summary>
    public static CheckResult Training(Func<TwoLayerNet, Matrix<double>, int[], int, int, double, IReadOnlyList<double>> train) =>
        Guard("Training loop", () => TrainingCheck.Run(train, Name(train)));

    /// <summary>A hidden check for any layer: used for several batches in a row, it keeps only the latest forward.</summary>
    public static CheckResult Reused(string exercise, Func<ILayer> create, Func<ILayer> reference, int inputs = 3) =>
        Guard(exercise + ", reused", () => ReuseCheck.Run(exercise, create, reference, inputs));

    // A check that itself fails (say, the student's constructor threw) still answers in a sentence.
    private static CheckResult Guard(string exercise, Func<CheckResult> check)
    {
        var run = new CheckRun(exercise);
        CheckResult? result = null;
        run.Step(CheckTexts.Runs.ToString(), () =>
        {
            result = check();
            return null;
        });
        return result ?? run.Finish("", CheckTexts.WriteTheCode.ToString());
    }

    // "MyRelu" for () => new MyRelu(), so the answer names the student's own class.
    private static string ClassName(Func<object?> create)
    {
        try
        {
            return create()?.GetType().Name ?? CheckTexts.YourClass.ToString();
        }
        catch (Exception)
        {
            return CheckTexts.YourClass.ToString();
        }
    }

    // The method's own name for a method group (Exercise.Gradient(Gradient)); "your code" for a lambda.
    private static string Name(Delegate code) =>
        code.Method.Name.Contains('<', StringComparison.Ordinal) ? CheckTexts.YourCode.ToString() : code.Method.Name;
}
