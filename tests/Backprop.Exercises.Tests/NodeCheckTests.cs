using System;

namespace Backprop.Exercises.Tests;

public sealed class NodeCheckTests
{
    private static FakeNode Mul(Func<double, double, double, (double, double)> backward) => new((x, y) => x * y, backward);

    [Fact]
    public void MulLayer_TheBooksBackwardPasses() => Verdict.Passes(Exercise.MulLayer(() => Mul((x, y, d) => (d * y, d * x))));

    [Fact]
    public void MulLayer_SwappedInputs_SayTheOtherInput() =>
        Verdict.FailsWith(Exercise.MulLayer(() => Mul((x, y, d) => (d * x, d * y))), "the OTHER input times dout");

    [Fact]
    public void MulLayer_WithoutDout_SaysMultiplyByIt() =>
        Verdict.FailsWith(Exercise.MulLayer(() => Mul((x, y, d) => (y, x))), "leave out dout");

    [Fact]
    public void MulLayer_WrongForward_NamesTheProduct() =>
        Verdict.FailsWith(Exercise.MulLayer(() => new FakeNode((x, y) => x + y, (x, y, d) => (d * y, d * x))), "should be x·y");

    [Fact]
    public void MulLayer_Stub_IsNotDoneYet() =>
        Verdict.NotDone(Exercise.MulLayer(() => new FakeNode((_, _) => throw new NotImplementedException(), (_, _, _) => throw new NotImplementedException())));

    [Fact]
    public void MulLayer_WithoutTheBooksMethods_SaysWhichOneIsMissing() =>
        Verdict.FailsWith(Exercise.MulLayer(() => new object()), "needs public double Forward(double x, double y)");

    [Fact]
    public void AddLayer_PassesDoutThrough() => Verdict.Passes(Exercise.AddLayer(() => new FakeNode((x, y) => x + y, (_, _, d) => (d, d))));

    [Fact]
    public void AddLayer_LocalDerivativeOnly_SaysPassDout() =>
        Verdict.FailsWith(Exercise.AddLayer(() => new FakeNode((x, y) => x + y, (_, _, _) => (1, 1))), "(dout, dout)");

    [Fact]
    public void AddLayer_MultipliedLikeAMulNode_Fails() =>
        Verdict.FailsWith(Exercise.AddLayer(() => new FakeNode((x, y) => x + y, (x, y, d) => (d * y, d * x))), "passes dout through unchanged");

    [Fact]
    public void AddLayer_ThrowingBackward_IsASentence() =>
        Verdict.FailsWith(Exercise.AddLayer(() => new FakeNode((x, y) => x + y, (_, _, _) => throw new InvalidOperationException("oops"))), "threw InvalidOperationException: oops");

    [Fact]
    public void AppleShop_TheBooksNumbersPass() => Verdict.Passes(Exercise.AppleShop(2.2, 110, 3.3, 165, 650));

    [Fact]
    public void AppleShop_SwappedGradient_SaysTheOtherInput() =>
        Verdict.FailsWith(Exercise.AppleShop(110, 2.2, 3.3, 165, 650), "the OTHER input");

    [Fact]
    public void AppleShop_WithoutTax_SaysTheTaxNodeComesFirst() =>
        Verdict.FailsWith(Exercise.AppleShop(2.2, 110, 3, 165, 650), "multiplies it by 1.1");

    [Fact]
    public void AppleShop_WrongTaxGradient_SaysSubtotal() =>
        Verdict.FailsWith(Exercise.AppleShop(2.2, 110, 3.3, 165, 1), "that subtotal");

    [Fact]
    public void AppleShop_NaNs_AreNotDone() =>
        Verdict.NotDone(Exercise.AppleShop(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));
}
