using System.IO;
using System.Linq;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>The corpus in Fixtures/bad run through the real backprop-run: each gives one clear line and keeps the work done.</summary>
public sealed class RunnerBadInputTests
{
    [SkippableTheory]
    [InlineData("stack-overflow-first.dib", "cell 1 (line 2): the notebook process crashed with a stack overflow while running this cell")]
    [InlineData("exit-first.dib", "cell 1 (line 2): the notebook process ended (exit code 3) while running this cell, e.g. Environment.Exit(3).")]
    public void CrashInTheFirstCell_NamesTheCell_AndWritesTheExecutedNotebook(string fixture, string expected)
    {
        var scratch = NewScratch();
        var notebook = CopyFixture(Path.Combine("bad", fixture), scratch);

        var (exit, stdout, stderr) = RunCli(scratch, "run", notebook, "-o", "out");

        Assert.Equal(1, exit);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("Repeated", stderr);
        Assert.DoesNotContain("before running any cell", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.EndsWith("0 passed, 1 failed", stdout.TrimEnd());
        var executed = Path.Combine(scratch, "out", Path.ChangeExtension(fixture, ".ipynb"));
        AssertValidNbformat(executed);
        var cells = IpynbReader.Parse(File.ReadAllText(executed), executed, includeOutputs: true).CodeCells().ToList();
        Assert.Equal("ProcessExited", cells[0].Outputs.Single().ErrorName);
        Assert.Empty(cells[1].Outputs);
    }

    [SkippableFact]
    public void AMillionPrintedLines_KeepABoundedMarkedExcerpt_AndEchoABoundedPart()
    {
        var scratch = NewScratch();
        var notebook = CopyFixture(Path.Combine("bad", "million-lines.dib"), scratch);

        var (exit, _, stderr) = RunCli(scratch, "run", notebook, "-o", "out");

        Assert.Equal(0, exit);
        Assert.Contains("      | line 999\n", stderr);
        Assert.Contains("      | … 999,000 more printed lines not shown here (see the executed notebook)", stderr);
        Assert.DoesNotContain("| line 1000\n", stderr);
        var executed = Path.Combine(scratch, "out", "million-lines.ipynb");
        Assert.True(new FileInfo(executed).Length < 1_000_000, "the executed notebook should keep a bounded excerpt");
        AssertValidNbformat(executed);
        var text = IpynbReader.Parse(File.ReadAllText(executed), executed, includeOutputs: true).CodeCells().First().Outputs.Single().Text!;
        Assert.StartsWith("line 0\nline 1\n", text);
        Assert.EndsWith("line 999998\nline 999999\n", text);
        var kept = text.Split('\n').Count(l => l.StartsWith("line ", System.StringComparison.Ordinal));
        Assert.Contains($"[output too long: {1_000_000 - kept:N0} lines", text);
    }

    [SkippableFact]
    public void ParameterOfTheWrongType_NamesTheParameterAndItsType_AndRunsNoCell()
    {
        var scratch = NewScratch();
        var notebook = CopyFixture(Path.Combine("bad", "params-after-markdown.dib"), scratch);

        var (exit, _, stderr) = RunCli(scratch, "run", notebook, "-o", "out", "-p", "iterations=abc");

        Assert.Equal(1, exit);
        Assert.Contains("-p iterations=abc: iterations must be a whole number; the parameters cell (cell 1 (line 5)) declares it as `int iterations`.", stderr);
        Assert.DoesNotContain("CS0029", stderr);
        Assert.DoesNotContain("running", stderr);
    }

    [SkippableFact]
    public void StringParameter_IsALiteral_AndCellNumbersMatchTheSourceAndThePage()
    {
        var scratch = NewScratch();
        var notebook = CopyFixture(Path.Combine("bad", "params-after-markdown.dib"), scratch);

        var (exit, _, stderr) = RunCli(scratch, "run", notebook, "-o", "out", "-p", "dataSource=x\"y\" + Evil() + \"", "-p", "iterations=7");

        Assert.Equal(1, exit);
        Assert.Contains("| 7|x\"y\" + Evil() + \"|17", stderr);
        Assert.Contains("cell 3 (line 16): System.InvalidOperationException: third code cell", stderr);
        var executed = Path.Combine(scratch, "out", "params-after-markdown.ipynb");
        var cells = IpynbReader.Parse(File.ReadAllText(executed), executed, includeOutputs: true).CodeCells().ToList();
        Assert.Equal([1, null, 2, 3], cells.Select(c => c.ExecutionCount));
        Assert.Contains("[3]</div>", File.ReadAllText(Path.Combine(scratch, "out", "params-after-markdown.html")));
    }

    [SkippableFact]
    public void OutputFolderThatCannotBeWritten_IsRefusedBeforeTheFirstCell()
    {
        var scratch = NewScratch();
        var notebook = CopyFixture(Path.Combine("bad", "million-lines.dib"), scratch);
        File.WriteAllText(Path.Combine(scratch, "a-file"), string.Empty);

        var (exit, _, stderr) = RunCli(scratch, "run", notebook, "-o", Path.Combine("a-file", "out"));

        Assert.Equal(2, exit);
        Assert.Contains("cannot be written", stderr);
        Assert.DoesNotContain("running", stderr);
    }
}
