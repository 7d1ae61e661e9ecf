using System;

namespace Backprop.Exercises;

/// <summary>Checks the apple-and-orange shop's gradients worked out by hand (Figure 5-17) against the library's layers.</summary>
internal static class AppleShopCheck
{
    private const double Apple = 100, AppleNum = 2, Orange = 150, OrangeNum = 3, Tax = 1.1;

    public static CheckResult Run(double dApple, double dAppleNum, double dOrange, double dOrangeNum, double dTax)
    {
        var want = Reference();
        var run = new CheckRun("Apple shop by hand");
        run.Step("dApple", () => Judge("dApple", dApple, want.DApple, "apple_num × tax", AppleNum, Apple * Tax));
        run.Step("dAppleNum", () => Judge("dAppleNum", dAppleNum, want.DAppleNum, "apple × tax", Apple, AppleNum * Tax));
        run.Step("dOrange", () => Judge("dOrange", dOrange, want.DOrange, "orange_num × tax", OrangeNum, Orange * Tax));
        run.Step("dOrangeNum", () => Judge("dOrangeNum", dOrangeNum, want.DOrangeNum, "orange × tax", Orange, OrangeNum * Tax));
        run.Step("dTax", () => double.IsNaN(dTax) ? throw new NotImplementedException()
            : Compare.Close(dTax, want.DTax, 1e-9) ? null
            : $"dTax is {Compare.Number(dTax)}; the tax multiplies the whole subtotal, so its gradient is that subtotal, apple·apple_num + orange·orange_num.");
        return run.Finish("Every gradient is right: 2.2, 110, 3.3, 165 and 650, as the layers compute them.",
            "replace each double.NaN with the gradient you work out from the graph");
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
            return $"{name} is {Compare.Number(got)}: a × node hands each input the OTHER input times the gradient from the right, so {name} = {formula}.";
        }

        return Compare.Close(got, withoutTax, 1e-9)
            ? $"{name} is {Compare.Number(got)}: the gradient comes back through the tax's × node first, which multiplies it by 1.1."
            : $"{name} is {Compare.Number(got)} but should be {formula}; follow the gradient from price (1) back through × tax, the + node and the × node.";
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
