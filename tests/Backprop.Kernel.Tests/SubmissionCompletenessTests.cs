using Backprop.Kernel.Execution;

namespace Backprop.Kernel.Tests;

public sealed class SubmissionCompletenessTests
{
    [Theory]
    [InlineData("", "complete")]
    [InlineData("var x = 1;", "complete")]
    [InlineData("x + 1", "complete")]
    [InlineData("#!time\nvar y = 2;", "complete")]
    [InlineData("#r \"nuget: MathNet.Numerics, 5.0.0\"", "complete")]
    [InlineData("void F()\n{", "incomplete")]
    [InlineData("var s = \"abc", "incomplete")]
    [InlineData("var x = ;", "invalid")]
    public void Check_ClassifiesSubmissions(string code, string status)
    {
        Assert.Equal(status, SubmissionCompleteness.Check(code).Status);
    }

    [Fact]
    public void Check_IndentsOneLevelPerOpenBrace()
    {
        Assert.Equal("        ", SubmissionCompleteness.Check("class A\n{\n    void F()\n    {").Indent);
    }
}
