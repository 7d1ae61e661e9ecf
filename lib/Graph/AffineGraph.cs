using System.Linq;
using Backprop.Display;
using Backprop.Display.Texts;
using MathNet.Numerics.LinearAlgebra;
using Label = Backprop.Display.GraphDrawing.Label;
using Node = Backprop.Display.GraphDrawing.Node;

namespace Backprop;

/// <summary>
/// The Affine layer as a computational graph with the shape of every value, Figures 5-25 and 5-27 (§5.6.1–5.6.2):
/// X and W into a dot node, B into a + node; below each edge its gradient, dX = dY·Wᵀ, dW = Xᵀ·dY, dB = Σ dY.
/// Every matrix is the layer's own, from one forward and one backward pass; hover over a label for its entries.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource))]
public sealed class AffineGraph : IHtmlDisplay
{
    private AffineGraph(Affine layer, Matrix<double> x, Matrix<double> dY)
    {
        X = x;
        W = layer.W.Clone();
        B = layer.B.Clone();
        Y = layer.Forward(x).Clone();
        XW = x * layer.W;
        DY = dY;
        DX = layer.Backward(dY).Clone();
        DW = layer.DW!.Clone();
        DB = layer.DB!.Clone();
    }

    public Matrix<double> X { get; }

    public Matrix<double> W { get; }

    public Matrix<double> B { get; }

    /// <summary>The dot node's output, X·W, before the bias is added.</summary>
    public Matrix<double> XW { get; }

    public Matrix<double> Y { get; }

    public Matrix<double> DY { get; }

    public Matrix<double> DX { get; }

    public Matrix<double> DW { get; }

    public Matrix<double> DB { get; }

    /// <summary>Runs <paramref name="layer"/> forward on <paramref name="x"/> and backward from <paramref name="dY"/>, and keeps every matrix.</summary>
    public static AffineGraph Trace(Affine layer, Matrix<double> x, Matrix<double> dY) => new(layer, x, dY);

    /// <summary>The figure to walk through: forward X·W then + B, backward edge by edge with each formula's shapes.</summary>
    public GraphStepper Stepper() => new(this);

    public string ToHtml() => GraphSvg.Render(Drawing());

    public string ToSvg() => GraphSvg.RenderSvg(Drawing());

    public override string ToString() =>
        $"AffineGraph: X {Shape(X)} · W {Shape(W)} + B {Shape(B)} = Y {Shape(Y)}; dX {Shape(DX)}, dW {Shape(DW)}, dB {Shape(DB)}";

    internal GraphDrawing Drawing()
    {
        var x = Input(0, "X", X);
        var w = Input(1, "W", W);
        var dot = new Node(2, false, "dot", "X·W", "X·W", null, "X·W = " + Entries(XW));
        var b = Input(3, "B", B);
        var plus = new Node(4, false, "+", null, "Y", null, "Y = " + Entries(Y));
        GraphDrawing.Edge[] edges =
        [
            new(x, dot, 0, Text("X", X), Text("dX = dY·Wᵀ", DX)),
            new(w, dot, 1, Text("W", W), Text("dW = Xᵀ·dY", DW)),
            new(dot, plus, 0, Text("X·W", XW), Text("dY", DY)),
            new(b, plus, 1, Text("B", B), Text(DisplayTexts.SumOfRows.ToString(), DB)),
        ];
        return new GraphDrawing([x, w, dot, b, plus], edges, [new GraphDrawing.Output(plus, Text("Y", Y), Text("dY", DY))]);
    }

    private static Node Input(int id, string name, Matrix<double> value) => new(id, true, "", name, name, null, $"{name} = {Entries(value)}");

    private static Label Text(string name, Matrix<double> value) => new($"{name}  {Shape(value)}", $"{name} = {Entries(value)}");

    private static string Shape(Matrix<double> m) => $"({m.RowCount}, {m.ColumnCount})";

    private static string Entries(Matrix<double> m) =>
        "[" + string.Join(", ", m.EnumerateRows().Select(r => "[" + string.Join(", ", r.Select(Html.Compact)) + "]")) + "]";
}
