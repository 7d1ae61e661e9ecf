using System.Globalization;
using Backprop;

namespace Backprop.Lib.Tests;

public class AddLayerTests
{
    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Backward_PassesUpstreamGradientToBothInputs()
    {
        var add = new AddLayer();
        Assert.Equal(5.5, add.Forward(2, 3.5));
        Assert.Equal((1.7, 1.7), add.Backward(1.7));
    }

    [Fact]
    public void BuyAppleOrange_ReproducesTheBooksNumbersDigitForDigit()
    {
        double apple = 100, appleNum = 2, orange = 150, orangeNum = 3, tax = 1.1;
        var mulAppleLayer = new MulLayer();
        var mulOrangeLayer = new MulLayer();
        var addAppleOrangeLayer = new AddLayer();
        var mulTaxLayer = new MulLayer();

        // forward
        double applePrice = mulAppleLayer.Forward(apple, appleNum);
        double orangePrice = mulOrangeLayer.Forward(orange, orangeNum);
        double allPrice = addAppleOrangeLayer.Forward(applePrice, orangePrice);
        double price = mulTaxLayer.Forward(allPrice, tax);

        // backward
        double dprice = 1;
        var (dAllPrice, dTax) = mulTaxLayer.Backward(dprice);
        var (dApplePrice, dOrangePrice) = addAppleOrangeLayer.Backward(dAllPrice);
        var (dOrange, dOrangeNum) = mulOrangeLayer.Backward(dOrangePrice);
        var (dApple, dAppleNum) = mulAppleLayer.Backward(dApplePrice);

        Assert.Equal(715, price, 1e-9);
        Assert.Equal(2.2, dApple, 1e-12);
        Assert.Equal(110, dAppleNum, 1e-12);
        Assert.Equal(3.3, dOrange, 1e-12);
        Assert.Equal(165, dOrangeNum, 1e-12);
        Assert.Equal(650, dTax, 1e-12);

        // What Python prints for the same computation (the book's output), shortest round-trip form.
        Assert.Equal("715.0000000000001", R(price));
        Assert.Equal("2.2", R(dApple));
        Assert.Equal("110.00000000000001", R(dAppleNum));
        Assert.Equal("3.3000000000000003", R(dOrange));
        Assert.Equal("165", R(dOrangeNum));
        Assert.Equal("650", R(dTax));
    }
}
