using System;
using System.Collections.Generic;
using Backprop.Display.Texts;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Checks a student's MulLayer or AddLayer (§5.4) against the library's on the book's numbers and a few more.</summary>
internal static class NodeCheck
{
    // (x, y, dout): the apple shop's first × node, zeros, a negative, large values.
    private static readonly (double X, double Y, double Dout)[] Inputs =
        [(100, 2, 1.1), (0, 3.5, 2), (-1.5, 4, -0.5), (1e6, 3e-3, 7)];

    public static CheckResult Mul(Func<object> create, string name)
    {
        var run = new CheckRun("MulLayer");
        run.Step("Forward", () => Forward(create, (x, y) => x * y, "x·y"));
        run.Step("Backward", () => Each(create, (c, dx, dy) =>
        {
            var (wantDx, wantDy) = Reference(new MulLayer(), c);
            if (Compare.Close(dx, wantDx) && Compare.Close(dy, wantDy))
            {
                return null;
            }

            if (Compare.Close(dx, c.Dout * c.X) && Compare.Close(dy, c.Dout * c.Y))
            {
                return Pick("the × node sends each input the OTHER input times dout: dx = dout·y, dy = dout·x (the inputs are swapped).",
                    "× 노드는 각 입력에 '다른 쪽' 입력 × dout을 보냅니다: dx = dout·y, dy = dout·x (두 입력을 서로 바꿔 곱합니다).");
            }

            return Compare.Close(dx, c.Y) && Compare.Close(dy, c.X)
                ? Pick("dx and dy leave out dout: multiply by the gradient that arrives (dx = dout·y).",
                    "dx와 dy에 dout이 빠졌습니다: 흘러 들어온 기울기를 곱하세요 (dx = dout·y).")
                : Pick($"for x = {c.X}, y = {c.Y}, dout = {c.Dout}: (dx, dy) is ({Compare.Number(dx)}, {Compare.Number(dy)}) but should be ({Compare.Number(wantDx)}, {Compare.Number(wantDy)}); dx = dout·y, dy = dout·x.",
                    $"x = {c.X}, y = {c.Y}, dout = {c.Dout}일 때 (dx, dy)가 ({Compare.Number(dx)}, {Compare.Number(dy)})입니다. 맞는 값은 ({Compare.Number(wantDx)}, {Compare.Number(wantDy)})입니다. dx = dout·y, dy = dout·x.");
        }));
        return run.Finish(Pick($"{name} passes: forward and backward agree with the library's MulLayer on 4 inputs (the apple shop, zeros, a negative, large values).",
                $"{name} 통과: 입력 4가지(사과 쇼핑, 영, 음수, 큰 값)에서 순전파와 역전파가 라이브러리의 MulLayer와 같습니다."),
            CheckTexts.WriteForwardBackward.Fill(("name", name)));
    }

    public static CheckResult Add(Func<object> create, string name)
    {
        var run = new CheckRun("AddLayer");
        run.Step("Forward", () => Forward(create, (x, y) => x + y, "x + y"));
        run.Step("Backward", () => Each(create, (c, dx, dy) =>
        {
            if (Compare.Close(dx, c.Dout) && Compare.Close(dy, c.Dout))
            {
                return null;
            }

            return Compare.Close(dx, 1) && Compare.Close(dy, 1)
                ? Pick("(1, 1) is only the local derivative: the + node passes dout itself to both inputs, (dout, dout).",
                    "(1, 1)은 국소적 미분일 뿐입니다: + 노드는 dout 자체를 두 입력에 그대로 보냅니다, (dout, dout).")
                : Pick($"for dout = {c.Dout}, (dx, dy) is ({Compare.Number(dx)}, {Compare.Number(dy)}); the + node passes dout through unchanged to both inputs.",
                    $"dout = {c.Dout}일 때 (dx, dy)가 ({Compare.Number(dx)}, {Compare.Number(dy)})입니다. + 노드는 dout을 바꾸지 않고 두 입력에 그대로 보냅니다.");
        }));
        return run.Finish(Pick($"{name} passes: forward and backward agree with the library's AddLayer on 4 inputs.",
                $"{name} 통과: 입력 4가지에서 순전파와 역전파가 라이브러리의 AddLayer와 같습니다."),
            CheckTexts.WriteForwardBackward.Fill(("name", name)));
    }

    private static (double, double) Reference(MulLayer layer, (double X, double Y, double Dout) c)
    {
        layer.Forward(c.X, c.Y);
        return layer.Backward(c.Dout);
    }

    private static string? Forward(Func<object> create, Func<double, double, double> want, string formula)
    {
        foreach (var (x, y, _) in Inputs)
        {
            double got = StudentNode.From(create()).Forward(x, y);
            if (!Compare.Close(got, want(x, y)))
            {
                return Pick($"Forward({x}, {y}) is {Compare.Number(got)} but should be {formula} = {Compare.Number(want(x, y))}.",
                    $"Forward({x}, {y})가 {Compare.Number(got)}입니다. 맞는 값은 {formula} = {Compare.Number(want(x, y))}입니다.");
            }
        }

        return null;
    }

    private static string? Each(Func<object> create, Func<(double X, double Y, double Dout), double, double, string?> judge)
    {
        foreach (var c in Inputs)
        {
            var node = StudentNode.From(create());
            node.Forward(c.X, c.Y);
            var (dx, dy) = node.Backward(c.Dout);
            if (judge(c, dx, dy) is { } hint)
            {
                return hint;
            }
        }

        return null;
    }
}
