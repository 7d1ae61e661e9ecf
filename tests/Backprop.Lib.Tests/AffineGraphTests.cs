using System.Linq;
using System.Xml.Linq;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

/// <summary>Figures 5-25/5-27: the Affine graph shows the layer's own matrices, each edge with its shape (§5.6).</summary>
public class AffineGraphTests
{
    [Fact]
    public void Matrices_AreTheLayersAndFollowTheBooksFormulas()
    {
        AffineGraph g = LessonGraphs.Affine();

        Assert.True((g.X * g.W).Equals(g.XW));
        Assert.True(g.Y.Equals(g.XW + Matrix<double>.Build.Dense(2, 1, 1.0) * g.B));
        Assert.True(g.DX.Equals(g.DY * g.W.Transpose()));
        Assert.True(g.DW.Equals(g.X.Transpose() * g.DY));
        Assert.True(g.DB.Equals(Matrix<double>.Build.Dense(1, 2, 1.0) * g.DY));
    }

    [Fact]
    public void EveryEdge_ShowsItsValueAndGradientWithTheirShapes()
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        var texts = XElement.Parse(LessonGraphs.Affine().ToSvg()).Descendants(svg + "text")
            .Select(t => string.Concat(t.Nodes().OfType<XText>().Select(x => x.Value))).ToList();

        Assert.Contains("X  (2, 2)", texts);
        Assert.Contains("W  (2, 3)", texts);
        Assert.Contains("X·W  (2, 3)", texts);
        Assert.Contains("dX = dY·Wᵀ  (2, 2)", texts);
        Assert.Contains("dW = Xᵀ·dY  (2, 3)", texts);
        Assert.Contains("dB = Σ rows of dY  (1, 3)", texts);
        Assert.Contains("dot", texts);
    }
}
