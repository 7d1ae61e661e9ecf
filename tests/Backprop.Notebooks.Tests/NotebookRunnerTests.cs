using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

public sealed class NotebookRunnerTests
{
    private static RunOptions Options(Dictionary<string, string>? parameters = null, double timeoutSeconds = 120, bool stopOnError = false) => new()
    {
        CellTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        Parameters = parameters ?? new Dictionary<string, string>(),
        StopOnError = stopOnError,
        NuGetSources = OfflineSources,
    };

    [Fact]
    public async Task Dib_RunsEveryCell_WithOutputsAndExecutionCounts()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(Fixtures, "basics.dib"), Options());
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var code = result.Document!.CodeCells().ToArray();
        Assert.Equal([1, 2, 3, 4], code.Select(c => c.ExecutionCount ?? 0));
        Assert.Equal($"apples: {100 * 2}\n", Assert.Single(code[0].Outputs).Text);
        Assert.Equal("Fixtures", code[3].Outputs.Single().PlainText());
    }

    [Fact]
    public async Task Errors_AreAllReported_AndLaterCellsStillRun()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(Fixtures, "errors.dib"), Options());
        Assert.False(result.Succeeded);
        Assert.Equal(
            [CellRunStatus.Passed, CellRunStatus.Failed, CellRunStatus.Failed, CellRunStatus.Passed],
            result.Cells.Select(c => c.Status));
        Assert.Contains("(2,5): error CS0103: The name 'undefinedName' does not exist in the current context (errors.dib line 8)", result.Cells[1].Message);
        Assert.Contains("System.ArgumentOutOfRangeException", result.Cells[2].Message);
        Assert.Contains("at cell line 3 (errors.dib line 14)", result.Cells[2].Message);
        Assert.Equal("before\n", result.Cells[2].Cell.Outputs[0].Text);
        Assert.Equal(CellOutputKind.Error, result.Cells[2].Cell.Outputs[^1].Kind);
        Assert.Equal((1 + 41).ToString(), result.Cells[3].Cell.Outputs.Single().PlainText());
    }

    [Fact]
    public async Task StopOnError_SkipsTheRest()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(Fixtures, "errors.dib"), Options(stopOnError: true));
        Assert.Equal([CellRunStatus.Passed, CellRunStatus.Failed, CellRunStatus.Skipped, CellRunStatus.Skipped], result.Cells.Select(c => c.Status));
        Assert.Null(result.Cells[3].Cell.ExecutionCount);
    }

    [Fact]
    public async Task Parameters_AreInjectedAfterTheParametersCell()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(Fixtures, "params.ipynb"), Options(new() { ["iterations"] = "500", ["name"] = "run", ["fast"] = "true" }));
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var cells = result.Document!.Cells;
        Assert.True(cells[1].HasTag("injected-parameters"));
        Assert.Contains("iterations = 500;", cells[1].Source);
        Assert.Contains("name = \"run\";", cells[1].Source);
        Assert.Equal($"run:{500 * 2}:True", cells[2].Outputs.Single().PlainText());
    }

    [Fact]
    public async Task UnknownParameter_IsAnError()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(Fixtures, "params.ipynb"), Options(new() { ["epochs"] = "3" }));
        Assert.False(result.Succeeded);
        Assert.Contains("unknown parameter 'epochs'", result.LoadError);
        Assert.Contains("fast, iterations, name", result.LoadError);
    }

    [Fact]
    public async Task RaisesException_PassesOnlyWhenTheCellThrows()
    {
        var scratch = NewScratch();
        var path = WriteNotebook(scratch, "raises.dib",
            "#!csharp\n// raises-exception\nthrow new ArgumentException(\"expected\");\n\n#!csharp\n// raises-exception\nvar fine = 1;\n");
        var result = await NotebookRunner.RunAsync(path, Options());
        Assert.Equal([CellRunStatus.Passed, CellRunStatus.Failed], result.Cells.Select(c => c.Status));
        Assert.Equal("System.ArgumentException", result.Cells[0].Cell.Outputs.Single().ErrorName);
        Assert.Contains("tagged 'raises-exception' but did not throw", result.Cells[1].Message);
    }

    [Fact]
    public async Task Timeout_StopsAHangingCell_AndTheRunGoesOn()
    {
        var scratch = NewScratch();
        var path = WriteNotebook(scratch, "hang.dib", "#!csharp\nConsole.WriteLine(\"start\");\nwhile (true) { }\n\n#!csharp\n1 + 1\n");
        var result = await NotebookRunner.RunAsync(path, Options(timeoutSeconds: 1));
        Assert.Equal([CellRunStatus.TimedOut, CellRunStatus.Passed], result.Cells.Select(c => c.Status));
        Assert.Equal("cell 1 (line 2) timed out after 1 s.", result.Cells[0].Message);
        Assert.Equal("start\n", result.Cells[0].Cell.Outputs[0].Text);
        Assert.Equal("TimeoutError", result.Cells[0].Cell.Outputs[^1].ErrorName);
    }

    [Fact]
    public async Task NotebookMetadata_CanSetTheCellTimeout()
    {
        var scratch = NewScratch();
        var path = WriteNotebook(scratch, "meta.ipynb",
            "{\"cells\":[{\"cell_type\":\"code\",\"id\":\"a\",\"metadata\":{},\"outputs\":[],\"source\":\"for (;;) { }\"}],"
            + "\"metadata\":{\"backprop\":{\"cell_timeout\":1}},\"nbformat\":4,\"nbformat_minor\":5}");
        var result = await NotebookRunner.RunAsync(path, Options(timeoutSeconds: 300));
        var cell = Assert.Single(result.Cells);
        Assert.Equal(CellRunStatus.TimedOut, cell.Status);
        Assert.Equal("cell 1 timed out after 1 s.", cell.Message);
    }

    [Fact]
    public async Task CellStuckOutsideUserLoops_TimesOut_AndTheRestIsSkipped()
    {
        var scratch = NewScratch();
        var path = WriteNotebook(scratch, "stuck.dib", "#!csharp\nSystem.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);\n\n#!csharp\n1\n");
        var result = await NotebookRunner.RunAsync(path, Options(timeoutSeconds: 1));
        Assert.Equal([CellRunStatus.TimedOut, CellRunStatus.Skipped], result.Cells.Select(c => c.Status));
        Assert.Contains("could not be stopped", result.Cells[1].Message);
    }

    [Fact]
    public async Task OtherLanguages_AreErrorsNamingTheCell()
    {
        var scratch = NewScratch();
        var path = WriteNotebook(scratch, "fs.dib", "#!csharp\n1\n\n#!fsharp\nlet x = 1\n");
        var result = await NotebookRunner.RunAsync(path, Options());
        Assert.Equal(CellRunStatus.Failed, result.Cells[1].Status);
        Assert.Equal("cell 2 (line 5): the 'fsharp' language is not supported (this runner runs C# cells only).", result.Cells[1].Message);
    }

    [Fact]
    public async Task NuGetAndLibraryReferences_LoadOneMathNet()
    {
        var lib = Path.Combine(RepoRoot, "artifacts", "lib", "Backprop.Lib.dll");
        Assert.True(File.Exists(lib), $"{lib} is built by the runner project (Backprop.Lib reference).");
        var scratch = NewScratch();
        var code = "#r \"nuget: MathNet.Numerics, 5.0.0\"\n"
            + $"#r \"{Path.GetRelativePath(scratch, lib)}\"\n"
            + "using MathNet.Numerics.LinearAlgebra;\n"
            + "var apple = new Backprop.MulLayer();\n"
            + "var m = Matrix<double>.Build.Dense(2, 2, 1.0);\n"
            + "Backprop.ILayer layer = null;\n"
            + "AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == \"MathNet.Numerics\")";
        var path = WriteNotebook(scratch, "refs.dib", "#!csharp\n" + code + "\n\n#!csharp\n#r \"nuget: MathNet.Numerics, 4.15.0\"\n");
        var result = await NotebookRunner.RunAsync(path, Options());
        Assert.True(result.Cells[0].Passed, result.Cells[0].Message);
        var outputs = result.Cells[0].Cell.Outputs;
        Assert.Contains("MathNet.Numerics, 5.0.0", outputs[0].PlainText());
        Assert.Equal("1", outputs[^1].PlainText());
        Assert.Equal("MathNet.Numerics version 4.15.0 cannot be added because version 5.0.0 was added previously.", result.Cells[1].Message);
    }

    [Fact]
    public async Task UnknownPackage_QuotesTheRestoreError()
    {
        var scratch = NewScratch();
        var path = WriteNotebook(scratch, "pkg.dib", "#!csharp\n#r \"nuget: Backprop.NoSuchPackage, 1.0.0\"\n");
        var result = await NotebookRunner.RunAsync(path, Options());
        var cell = Assert.Single(result.Cells);
        Assert.Equal(CellRunStatus.Failed, cell.Status);
        Assert.Contains("NU1101", cell.Message);
        Assert.Contains("Backprop.NoSuchPackage", cell.Message);
    }
}
