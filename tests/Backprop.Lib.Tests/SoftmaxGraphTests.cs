using System;
using System.Linq;
using Backprop;

namespace Backprop.Lib.Tests;

/// <summary>The whole Softmax-with-Loss graph of Figure 5-29, traced node by node: its gradient is y − t (§5.6.3).</summary>
public class SoftmaxGraphTests
{
    [Fact]
    public void GradientAtTheScores_IsYMinusT()
    {
        double[] y = [0.3, 0.2, 0.5], t = [0, 1, 0];

        var (_, scores, loss) = LessonGraphs.SoftmaxWithLoss(y, t);

        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(y[k] - t[k], scores[k].Grad, 12);
        }

        Assert.Equal(-Math.Log(0.2), loss.Value, 12);
    }

    [Fact]
    public void SumAndLog_AgreeWithNumericalDifferentiation()
    {
        const double H = 1e-5;
        double Loss(double a1) => LessonGraphs.SoftmaxWithLoss([a1, 0.2, 0.5], [1, 0, 0]).Loss.Value;
        var (_, scores, _) = LessonGraphs.SoftmaxWithLoss([0.3, 0.2, 0.5], [1, 0, 0]);

        // Inputs are log(y) + 2: nudge y1 and divide by the change of the score it makes.
        double numerical = (Loss(0.3 * Math.Exp(H)) - Loss(0.3 * Math.Exp(-H))) / (2 * H);

        Assert.Equal(numerical, scores[0].Grad, 8);
    }

    [Fact]
    public void Sum_IsOnePlusNode_HandingEveryTermTheSameGradient()
    {
        var g = new ComputationalGraph();
        var terms = new[] { g.Input("a", 1), g.Input("b", 2), g.Input("c", 3) };
        var s = g.Sum(terms, "S");
        g.Backward(g.Log(s, "log S"));

        Assert.Equal(GraphOp.Add, s.Op);
        Assert.Equal(6, s.Value);
        Assert.All(terms, x => Assert.Equal(1 / 6.0, x.Grad, 15));
        Assert.Throws<ArgumentException>(() => g.Sum([]));
    }
}
