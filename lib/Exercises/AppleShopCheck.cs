using System;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Checks the apple-and-orange shop's gradients worked out by hand (Figure 5-17) against the library's layers.</summary>
internal static class AppleShopCheck
{
    private const double Apple = 100, AppleNum = 2, Orange = 150, OrangeNum = 3, Tax = 1.1;

    public static CheckResult Run(double dApple, double dAppleNum, double dOrange, double dOrangeNum, double dTax)
    {
        var want = Reference();
        var run = new CheckRun("Apple shop by hand");
        run.Step("dApple", () => Judge("dApple", dApple, want.DApple, Pick("apple_num × tax", "사과 개수 × 소비세"), AppleNum, Apple * Tax));
        run.Step("dAppleNum", () => Judge("dAppleNum", dAppleNum, want.DAppleNum, Pick("apple × tax", "사과 × 소비세"), Apple, AppleNum * Tax));
        run.Step("dOrange", () => Judge("dOrange", dOrange, want.DOrange, Pick("orange_num × tax", "귤 개수 × 소비세"), OrangeNum, Orange * Tax));
        run.Step("dOrangeNum", () => Judge("dOrangeNum", dOrangeNum, want.DOrangeNum, Pick("orange × tax", "귤 × 소비세"), Orange, OrangeNum * Tax));
        run.Step("dTax", () => double.IsNaN(dTax) ? throw new NotImplementedException()
            : Compare.Close(dTax, want.DTax, 1e-9) ? null
            : Pick($"dTax is {Compare.Number(dTax)}; the tax multiplies the whole subtotal, so its gradient is that subtotal, apple·apple_num + orange·orange_num.",
                $"dTax의 값이 {Compare.Number(dTax)}입니다. 소비세는 소계 전체에 곱해지므로 그 기울기는 소계, 사과·사과 개수 + 귤·귤 개수입니다."));
        return run.Finish(Pick("Every gradient is right: 2.2, 110, 3.3, 165 and 650, as the layers compute them.",
                "모든 기울기가 맞습니다: 계층이 계산한 대로 2.2, 110, 3.3, 165, 650입니다."),
            Pick("replace each double.NaN with the gradient you work out from the graph", "double.NaN을 하나씩 그래프에서 구한 기울기로 바꾸세요"));
    }

    private static string? Judge(string name, double got, double want, string formula, double withoutTax, double swapped)
    {
        if (double.IsNaN(got))
        {
            throw new NotImplementedException();
        }

        if (Compare.Close(got, want, 1e-9))
        {
            return null;
        }

        if (Compare.Close(got, swapped, 1e-9))
        {
            return Pick($"{name} is {Compare.Number(got)}: a × node hands each input the OTHER input times the gradient from the right, so {name} = {formula}.",
                $"{name}의 값이 {Compare.Number(got)}입니다. × 노드는 각 입력에 '다른 쪽' 입력 × 오른쪽에서 온 기울기를 보내므로 {name} = {formula}입니다.");
        }

        return Compare.Close(got, withoutTax, 1e-9)
            ? Pick($"{name} is {Compare.Number(got)}: the gradient comes back through the tax's × node first, which multiplies it by 1.1.",
                $"{name}의 값이 {Compare.Number(got)}입니다. 기울기는 먼저 소비세의 × 노드를 거쳐 돌아오고, 그 노드가 1.1을 곱합니다.")
            : Pick($"{name} is {Compare.Number(got)} but should be {formula}; follow the gradient from price (1) back through × tax, the + node and the × node.",
                $"{name}의 값이 {Compare.Number(got)}입니다. 맞는 값은 {formula}입니다. 지불 금액(1)에서 시작해 × 소비세, + 노드, × 노드를 거꾸로 따라가 보세요.");
    }

    private static (double DApple, double DAppleNum, double DOrange, double DOrangeNum, double DTax) Reference()
    {
        var (mulApple, mulOrange, add, mulTax) = (new MulLayer(), new MulLayer(), new AddLayer(), new MulLayer());
        mulTax.Forward(add.Forward(mulApple.Forward(Apple, AppleNum), mulOrange.Forward(Orange, OrangeNum)), Tax);
        var (dAll, dTax) = mulTax.Backward(1);
        var (dApplePrice, dOrangePrice) = add.Backward(dAll);
        var (dApple, dAppleNum) = mulApple.Backward(dApplePrice);
        var (dOrange, dOrangeNum) = mulOrange.Backward(dOrangePrice);
        return (dApple, dAppleNum, dOrange, dOrangeNum, dTax);
    }
}
