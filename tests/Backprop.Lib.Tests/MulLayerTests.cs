using System.Globalization;
using Backprop;

namespace Backprop.Lib.Tests;

public class MulLayerTests
{
    [Fact]
    public void BuyApple_ReproducesTheBooksNumbers()
    {
        double apple = 100, appleNum = 2, tax = 1.1;
        var mulAppleLayer = new MulLayer();
        var mulTaxLayer = new MulLayer();

        double applePrice = mulAppleLayer.Forward(apple, appleNum);
        double price = mulTaxLayer.Forward(applePrice, tax);

        double dprice = 1;
        var (dApplePrice, dTax) = mulTaxLayer.Backward(dprice);
        var (dApple, dAppleNum) = mulAppleLayer.Backward(dApplePrice);

        Assert.Equal("220.00000000000003", price.ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal(220, price, 1e-9);
        Assert.Equal(2.2, dApple, 1e-12);
        Assert.Equal(110, dAppleNum, 1e-12);
        Assert.Equal(200, dTax, 1e-12);
    }
}
