using System;
using System.Linq;
using Backprop.Tests;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

/// <summary>The Korean edition's charts, matrix captions, digit grids and the shape errors lessons print.</summary>
public sealed class KoreanDisplayTests
{
    [Fact]
    public void LearningCurves_HaveKoreanAxesAndLegends()
    {
        var loss = UiCulture.Run("ko", () => Chart.Loss([2.3, 1.1, 0.4]));
        var accuracy = UiCulture.Run("ko", () => Chart.Accuracy([0.5, 0.9], [0.4, 0.85]));
        var bars = UiCulture.Run("ko", () => Chart.OutputVsTarget([0.1, 0.9], [0, 1]));

        Assert.Equal(("반복 횟수", "손실"), (loss.Layout.XAxis!.Title!.Text, loss.Layout.YAxis!.Title!.Text));
        Assert.Equal("손실", loss.Data[0].Name);
        Assert.Equal(("에폭", "정확도"), (accuracy.Layout.XAxis!.Title!.Text, accuracy.Layout.YAxis!.Title!.Text));
        Assert.Equal(["훈련 데이터", "시험 데이터"], accuracy.Data.Select(t => t.Name));
        Assert.Equal(("클래스", "y, t와 y − t"), (bars.Layout.XAxis!.Title!.Text, bars.Layout.YAxis!.Title!.Text));
        Assert.Equal("epoch", UiCulture.Run("en", () => Chart.Accuracy([0.5])).Layout.XAxis!.Title!.Text);
        Assert.Equal("에폭", UiCulture.Run("ko", () => Chart.Loss([1.0], "에폭")).Layout.XAxis!.Title!.Text);
    }

    [Fact]
    public void MatrixCaptions_AreReadWhenShown()
    {
        var view = Matrix<double>.Build.Dense(2, 3).View("x");
        var mask = Show.Mask(new bool[2, 2], "mask");
        var vector = Show.Vector([1.0, 2.0, 3.0]);

        Assert.Contains("2×3 행렬", UiCulture.Run("ko", view.ToHtml));
        Assert.Contains("2×3 matrix", UiCulture.Run("en", view.ToHtml));
        Assert.Equal("mask (2×2 마스크)", UiCulture.Run("ko", mask.ToString).Split('\n')[0]);
        Assert.Equal("길이 3인 벡터", UiCulture.Run("ko", () => vector.Shape));
    }

    [Fact]
    public void DigitGrid_SaysHowManyAndWhichAreWrongInKorean()
    {
        var images = Matrix<double>.Build.Dense(2, 784);
        var grid = Show.Digits(images, Labels.FromIndices([3, 5]), Labels.FromIndices([3, 7]));

        string text = UiCulture.Run("ko", grid.ToString);

        Assert.StartsWith("숫자 2개 (28×28) · 1개 틀림", text, StringComparison.Ordinal);
        Assert.Contains("예측 7 ≠ 5", text);
        Assert.Contains("예측 7 ≠ 5", UiCulture.Run("ko", grid.ToHtml));
    }

    [Fact]
    public void TheShapeErrorLesson3Prints_IsKorean_WithTheSameShapes()
    {
        var affine = new Affine(Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(1, 3));
        var x = Matrix<double>.Build.Dense(1, 3);

        var korean = UiCulture.Run("ko", () => Assert.Throws<ArgumentException>(() => affine.Forward(x)));
        var english = UiCulture.Run("en", () => Assert.Throws<ArgumentException>(() => affine.Forward(x)));

        Assert.StartsWith("Affine.Forward: x는 1×3인데 W는 2×3입니다. x의 열이 2개여야 합니다.", korean.Message, StringComparison.Ordinal);
        Assert.StartsWith("Affine.Forward: x is 1×3 but W is 2×3; x needs 2 columns.", english.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MistakesInALessonCell_AreExplainedInKorean()
    {
        var table = new Table("매개변수", "차이");
        var other = new ComputationalGraph().Input("사과", 100);

        var row = UiCulture.Run("ko", () => Assert.Throws<ArgumentException>(() => table.Add("W1")));
        var graph = UiCulture.Run("ko", () => Assert.Throws<ArgumentException>(() => new ComputationalGraph().Backward(other)));
        var backward = UiCulture.Run("ko", () => Assert.Throws<InvalidOperationException>(() => new Relu().Backward(Matrix<double>.Build.Dense(1, 1))));

        Assert.Equal("1번째 행의 칸은 1개인데 표의 열은 2개입니다 (매개변수, 차이).", row.Message);
        Assert.StartsWith("노드 '사과': 다른 그래프의 노드입니다.", graph.Message, StringComparison.Ordinal);
        Assert.Equal("Relu.Backward: Backward 전에 Forward를 먼저 호출하세요.", backward.Message);
    }

    [Fact]
    public void TheGraphsStepTable_HasKoreanHeaders()
    {
        var g = new ComputationalGraph();
        g.Backward(g.Mul(g.Input("사과", 100), g.Input("사과 개수", 2), "사과 가격"));

        var table = UiCulture.Run("ko", g.Steps);

        Assert.Equal(["단계", "노드", "입력", "순전파", "국소적 미분", "기울기"], table.Headers);
        Assert.Equal("순전파와 역전파, 단계별로", table.Title);
    }
}
