using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

public sealed class FormattingTests
{
    private static ScriptSession NewSession() => new(new ScriptSessionOptions { WorkingDirectory = Fixtures });

    [Fact]
    public async Task TypeFormatterSource_RendersWithoutRegistration()
    {
        using var session = NewSession();
        var dll = typeof(FormattedFixture).Assembly.Location;
        var (result, outputs) = await Run(session, $"#r \"{dll}\"\nnew Backprop.Notebooks.Tests.FormattedFixture(7)");
        Assert.True(result.Succeeded, result.Error?.ErrorText);
        Assert.Equal("<b class=\"fixture\">7</b>", Assert.Single(outputs).Html());
    }

    [Fact]
    public async Task FormatterRegister_InACell_TakesEffect_AndIsResetForTheNextNotebook()
    {
        using (var session = NewSession())
        {
            await Run(session, "public record Point(int X, int Y);\nMicrosoft.DotNet.Interactive.Formatting.Formatter.Register<Point>((p, w) => w.Write($\"<i>{p.X},{p.Y}</i>\"), \"text/html\");");
            var (_, outputs) = await Run(session, "new Point(1, 2)");
            Assert.Equal("<i>1,2</i>", Assert.Single(outputs).Html());
        }

        using var next = NewSession();
        var (_, dates) = await Run(next, "Microsoft.DotNet.Interactive.Formatting.Formatter.Register<DateTime>((d, w) => w.Write(\"custom\"), \"text/html\"); 1");
        using var fresh = NewSession();
        var (_, after) = await Run(fresh, "new DateTime(2020, 1, 2)");
        Assert.DoesNotContain("custom", Assert.Single(after).Html());
    }
}
