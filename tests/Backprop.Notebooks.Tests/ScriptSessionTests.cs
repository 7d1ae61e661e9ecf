using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

public sealed class ScriptSessionTests
{
    private static ScriptSession NewSession(string? folder = null) =>
        new(new ScriptSessionOptions { WorkingDirectory = folder ?? Fixtures, NuGetSources = OfflineSources });

    [Fact]
    public async Task Variables_PersistAcrossCells()
    {
        using var session = NewSession();
        await Run(session, "var price = 100;\nvar count = 2;");
        var (result, outputs) = await Run(session, "price * count");
        Assert.True(result.Succeeded);
        var value = Assert.Single(outputs);
        Assert.Equal(CellOutputKind.ExecuteResult, value.Kind);
        Assert.Equal((100 * 2).ToString(), value.PlainText());
        Assert.Equal(2, value.ExecutionCount);
    }

    [Fact]
    public async Task TrailingExpression_IsShownAsHtmlExceptStrings()
    {
        using var session = NewSession();
        var (_, rows) = await Run(session, "new[] { new { Layer = \"Affine\", Size = 3 }, new { Layer = \"Relu\", Size = 4 } }");
        var html = Assert.Single(rows).Html();
        Assert.Contains("<table>", html);
        Assert.Contains("Relu", html);
        Assert.Contains("Affine", html);

        var (_, text) = await Run(session, "\"plain\"");
        var output = Assert.Single(text);
        Assert.Equal("plain", output.PlainText());
        Assert.False(output.Data.ContainsKey("text/html"));

        var (_, none) = await Run(session, "var x = 1;\nx++;");
        Assert.Empty(none);
    }

    [Fact]
    public async Task DisplayAndConsole_KeepTheirOrder()
    {
        using var session = NewSession();
        var (result, outputs) = await Run(session, "Console.WriteLine(\"one\");\ndisplay(\"two\");\nConsole.Error.WriteLine(\"three\");\n\"four\".Display();\nHTML(\"<b>five</b>\")");
        Assert.True(result.Succeeded);
        Assert.Equal(
            ["Stream:stdout:one\n", "DisplayData:two", "Stream:stderr:three\n", "DisplayData:four", "ExecuteResult:<b>five</b>"],
            outputs.Select(o => o.Kind == CellOutputKind.Stream ? $"Stream:{o.StreamName}:{o.Text}" : $"{o.Kind}:{(o.Data.TryGetValue("text/html", out var h) && o.Kind == CellOutputKind.ExecuteResult ? h : o.PlainText())}"));
    }

    [Fact]
    public async Task DefaultUsings_MatchTheKernel_WithoutSystemIO()
    {
        using var session = NewSession();
        var (ok, _) = await Run(session, "var sb = new StringBuilder(); var l = new List<int>(); var t = Task.CompletedTask; var q = l.Where(i => i > 0); var a = new ArrayList();");
        Assert.True(ok.Succeeded, ok.Error?.ErrorText);
        var (io, _) = await Run(session, "File.Exists(\"x\")");
        Assert.Equal(CellStatus.Failed, io.Status);
        Assert.Contains("error CS0103: The name 'File' does not exist", io.Error!.ErrorText);
    }

    [Fact]
    public async Task CompileError_NamesCellLineAndFileLine()
    {
        using var session = NewSession();
        var (result, _) = await Run(session, "var a = 1;\nvar b = a +\n    missing;", new CellLocation("lesson.dib", 20));
        Assert.Equal(CellStatus.Failed, result.Status);
        Assert.Equal("CompilationError", result.Error!.ErrorName);
        Assert.Equal("(3,5): error CS0103: The name 'missing' does not exist in the current context (lesson.dib line 22)", result.Error.ErrorValue);
    }

    [Fact]
    public async Task CompileError_ColumnsIgnoreInjectedLoopChecks()
    {
        using var session = NewSession();
        var (result, _) = await Run(session, "for (var i = 0; i < 3; i++) { var s = nope; }");
        Assert.StartsWith("(1,39): error CS0103", result.Error!.ErrorValue);
    }

    [Fact]
    public async Task RuntimeError_ShowsTypeMessageAndLine_KeepsEarlierOutputs()
    {
        using var session = NewSession();
        var (result, outputs) = await Run(session, "Console.WriteLine(\"before\");\nvar list = new List<int>();\nthrow new InvalidOperationException(\"boom\");", new CellLocation("x.dib", 5));
        Assert.Equal(CellStatus.Failed, result.Status);
        Assert.Equal("System.InvalidOperationException", result.Error!.ErrorName);
        Assert.Equal("boom", result.Error.ErrorValue);
        Assert.Contains("   at cell line 3 (x.dib line 7)", result.Error.Traceback);
        Assert.Equal("before\n", Assert.Single(outputs).Text);
        var (after, _) = await Run(session, "list.Count");
        Assert.True(after.Succeeded, "the session survives a runtime error");
    }

    [Fact]
    public async Task Cancel_StopsAnInfiniteLoop_AndTheSessionSurvives()
    {
        using var session = NewSession();
        await Run(session, "var kept = 42;");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var result = await session.ExecuteAsync("long n = 0;\nwhile (true) { n++; }", new CollectingSink(), cts.Token);
        Assert.Equal(CellStatus.Cancelled, result.Status);
        Assert.False(session.IsBroken);
        var (after, outputs) = await Run(session, "kept");
        Assert.True(after.Succeeded);
        Assert.Equal("42", Assert.Single(outputs).PlainText());
    }

    [Fact]
    public async Task UnknownMagic_IsAnError()
    {
        using var session = NewSession();
        var (result, _) = await Run(session, "#!whos\n1");
        Assert.Equal(CellStatus.Failed, result.Status);
        Assert.Contains("unknown magic command '#!whos'", result.Error!.ErrorText);
    }

    [Fact]
    public async Task Time_PrintsWallTime()
    {
        using var session = NewSession();
        var (result, outputs) = await Run(session, "#!time\nvar s = 0; for (var i = 0; i < 10; i++) { s += i; }");
        Assert.True(result.Succeeded, result.Error?.ErrorText);
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms$", Assert.Single(outputs).PlainText());
    }

    [Fact]
    public async Task WorkingDirectory_IsTheNotebookFolder()
    {
        var scratch = NewScratch();
        using var session = NewSession(scratch);
        var (_, outputs) = await Run(session, "System.IO.Directory.GetCurrentDirectory()");
        Assert.Equal(Path.GetFullPath(scratch), Assert.Single(outputs).PlainText());
    }

    [Fact]
    public async Task Completions_SeeEarlierVariablesAndMembers()
    {
        using var session = NewSession();
        await Run(session, "var learningRate = 0.1;");
        var names = await session.GetCompletionsAsync("learn", 5);
        Assert.Contains(names.Items, i => i.Text == "learningRate");
        Assert.Equal(0, names.CursorStart);
        var members = await session.GetCompletionsAsync("learningRate.ToStr", 18);
        Assert.Contains(members.Items, i => i.Text == "ToString");
        Assert.Equal(13, members.CursorStart);
    }

    [Fact]
    public void IsComplete_DetectsOpenStatements()
    {
        Assert.True(ScriptSession.IsComplete("var a = 1;"));
        Assert.False(ScriptSession.IsComplete("for (var i = 0; i < 3; i++) {"));
    }
}
