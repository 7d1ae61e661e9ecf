using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Backprop.Tests;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises.Tests;

/// <summary>
/// The Korean edition's checks: under the culture "ko" every answer a student reads is Korean, says as much as the
/// English (the same numbers and shapes), and keeps the grader's data-state values English.
/// </summary>
public sealed class KoreanCheckTests
{
    private static readonly Dictionary<string, Func<CheckResult>> Cases = new()
    {
        ["mul, swapped inputs"] = () => Exercise.MulLayer(() => new FakeNode((x, y) => x * y, (x, y, d) => (d * x, d * y))),
        ["mul, wrong forward"] = () => Exercise.MulLayer(() => new FakeNode((x, y) => x + y, (x, y, d) => (d * y, d * x))),
        ["mul, missing methods"] = () => Exercise.MulLayer(() => new object()),
        ["mul, passes"] = () => Exercise.MulLayer(() => new FakeNode((x, y) => x * y, (x, y, d) => (d * y, d * x))),
        ["mul, stub"] = () => Exercise.MulLayer(() => new FakeNode((_, _) => throw new NotImplementedException(), (_, _, _) => throw new NotImplementedException())),
        ["add, local derivative only"] = () => Exercise.AddLayer(() => new FakeNode((x, y) => x + y, (_, _, _) => (1, 1))),
        ["add, throws"] = () => Exercise.AddLayer(() => new FakeNode((x, y) => x + y, (_, _, _) => throw new InvalidOperationException("oops"))),
        ["add, passes"] = () => Exercise.AddLayer(() => new FakeNode((x, y) => x + y, (_, _, d) => (d, d))),
        ["apple shop, swapped"] = () => Exercise.AppleShop(110, 2.2, 3.3, 165, 650),
        ["apple shop, without tax"] = () => Exercise.AppleShop(2.2, 110, 3, 165, 650),
        ["apple shop, tax"] = () => Exercise.AppleShop(2.2, 110, 3.3, 165, 1),
        ["apple shop, not done"] = () => Exercise.AppleShop(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN),
        ["apple shop, passes"] = () => Exercise.AppleShop(2.2, 110, 3.3, 165, 650),
        ["relu, inverted mask"] = () => Exercise.Relu(() => Relu(v => v <= 0)),
        ["relu, x = 0"] = () => Exercise.Relu(() => Relu(v => v >= 0)),
        ["relu, shape"] = () => Exercise.Relu(() => new FakeLayer(x => x.Clone(), (x, _, d) => d.Transpose())),
        ["relu, passes"] = () => Exercise.Relu(() => Relu(v => v > 0)),
        ["sigmoid, one factor"] = () => Exercise.Sigmoid(() => new FakeLayer(Functions.Sigmoid, (_, y, d) => d.PointwiseMultiply(y))),
        ["sigmoid, in place"] = () => Exercise.Sigmoid(() => new FakeLayer(Functions.Sigmoid, (_, y, d) => { d.MapInplace(v => v * 0.5); return d; })),
        ["sigmoid, passes"] = () => Exercise.Sigmoid(() => new FakeLayer(Functions.Sigmoid, (_, y, d) => d.PointwiseMultiply(y.Map(v => (1 - v) * v)))),
        ["affine, dW transposed"] = () => Affine((x, w, d) => (d * w.Transpose(), d.Transpose() * x, Sums(d))),
        ["affine, db not summed"] = () => Affine((x, w, d) => (d * w.Transpose(), x.Transpose() * d, d.Clone())),
        ["affine, shapes do not fit"] = () => Affine((x, w, d) => (d * w, x.Transpose() * d, Sums(d))),
        ["affine, partly written"] = () => Affine((x, w, d) => throw new NotImplementedException()),
        ["affine, passes"] = () => Affine((x, w, d) => (d * w.Transpose(), x.Transpose() * d, Sums(d))),
        ["softmax, sum not mean"] = () => Exercise.SoftmaxWithLoss(() => new FakeLoss((y, t) => y - t)),
        ["softmax, passes"] = () => Exercise.SoftmaxWithLoss(() => new FakeLoss((y, t) => (y - t) / y.RowCount)),
        ["gradient, the parameters"] = () => Exercise.Gradient((net, x, t) => net.Params),
        ["gradient, passes"] = () => Exercise.Gradient((net, x, t) => net.Gradient(x, t)),
        ["sgd, up the gradient"] = () => Exercise.SgdUpdate((net, grad, lr) => { foreach (var k in grad.Keys) { net.Params[k] += lr * grad[k]; } }),
        ["sgd, passes"] = () => Exercise.SgdUpdate((net, grad, lr) => { foreach (var k in grad.Keys) { net.Params[k] -= lr * grad[k]; } }),
        ["gradient reused, passes"] = () => Exercise.GradientReused((net, x, t) => net.Gradient(x, t)),
        ["training, not done"] = () => Exercise.Training((net, x, t, n, b, lr) => throw new NotImplementedException()),
        ["reused relu"] = () => Exercise.Reused("Relu", () => Relu(v => v > 0), () => new Relu()),
    };

    // Words of the English sentences that must not be left in a Korean one (identifiers like Forward stay, as in the book).
    private static readonly string[] EnglishWords =
        [" is ", "should be", "passes", "Not done", "not done", "but ", "the ", "has shape", "batch of", "gradient ", "write ", "your ", "parts pass"];

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void InKorean_EveryAnswerIsKorean_AndSaysAsMuchAsTheEnglish(string name)
    {
        var english = UiCulture.Run("en", Cases[name]);
        var korean = UiCulture.Run("ko", Cases[name]);

        Assert.Equal(english.State, korean.State);
        Assert.Equal(english.Points, korean.Points);
        Assert.True(UiCulture.HasHangul(korean.Message), korean.Message);
        string ours = Regex.Replace(korean.Message, "\"[^\"]*\"", ""); // what MathNet said stays quoted as it said it
        Assert.All(EnglishWords, word => Assert.DoesNotContain(word, ours, StringComparison.Ordinal));
        Assert.Equal(Numbers(english.Message), Numbers(korean.Message));
        Assert.All(korean.Steps, step => Assert.True(!step.Name.Contains(' ') || UiCulture.HasHangul(step.Name), step.Name));
    }

    [Fact]
    public void InKorean_TheHeadlineSaysPassedOrNotDone_AndTheGraderStillReadsEnglish()
    {
        string passed = UiCulture.Run("ko", () => Cases["apple shop, passes"]().ToHtml());
        string notDone = UiCulture.Run("ko", () => Cases["apple shop, not done"]().ToHtml());
        var failed = UiCulture.Run("ko", Cases["add, local derivative only"]);

        Assert.Contains("✓ 통과 · 사과 쇼핑, 손으로 계산하기", passed);
        Assert.Contains("data-exercise=\"Apple shop by hand\" data-state=\"passed\"", passed);
        Assert.Contains("… 아직 풀지 않음 · ", notDone);
        Assert.Contains("data-state=\"not-done\"", notDone);
        Assert.Contains("data-state=\"failed\"", UiCulture.Run("ko", failed.ToHtml));
        Assert.StartsWith("AddLayer (1/2, 실패): Backward: (1, 1)은 국소적 미분일 뿐입니다", UiCulture.Run("ko", failed.ToString), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeadline_IsReadWhenShown_NotWhenChecked()
    {
        var result = UiCulture.Run("en", Cases["add, passes"]);

        Assert.Contains("✓ 통과 · AddLayer", UiCulture.Run("ko", result.ToHtml));
        Assert.Contains("✓ passed · AddLayer", UiCulture.Run("en", result.ToHtml));
    }

    private static FakeLayer Relu(Func<double, bool> open) =>
        new(Functions.Relu, (x, _, d) => x.Map2((v, g) => open(v) ? g : 0.0, d));

    private static CheckResult Affine(Func<Matrix<double>, Matrix<double>, Matrix<double>, (Matrix<double>, Matrix<double>, Matrix<double>)> backward) =>
        Exercise.Affine((w, b) => new FakeAffine(w, b, backward));

    private static Matrix<double> Sums(Matrix<double> dout) => Matrix<double>.Build.Dense(1, dout.RowCount, 1.0) * dout;

    private static List<string> Numbers(string text) =>
        Regex.Matches(text, @"\d+(\.\d+)?").Select(m => m.Value).Order(StringComparer.Ordinal).ToList();
}
