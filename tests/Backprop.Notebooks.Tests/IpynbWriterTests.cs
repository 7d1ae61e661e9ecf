using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

public sealed class IpynbWriterTests
{
    [SkippableFact]
    public async Task ExecutedDib_IsValidNbformat45_WithPolyglotMetadata()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(Fixtures, "errors.dib"), new RunOptions());
        var path = Path.Combine(NewScratch(), "errors.ipynb");
        IpynbWriter.Write(result.Document!, path);
        AssertValidNbformat(path);

        var root = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(5, (int)root["nbformat_minor"]!);
        Assert.Equal("csharp", (string?)root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        var cells = root["cells"]!.AsArray();
        Assert.Equal("csharp", (string?)cells[0]!["metadata"]!["polyglot_notebook"]!["kernelName"]);
        Assert.Equal([1, 2, 3, 4], cells.Select(c => (int)c!["execution_count"]!));
        var error = cells[2]!["outputs"]!.AsArray().Last()!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("System.ArgumentOutOfRangeException", (string?)error["ename"]);
        Assert.Equal("execute_result", (string?)cells[3]!["outputs"]![0]!["output_type"]);
    }

    [SkippableFact]
    public async Task ExecutedIpynb_KeepsCellIdsAndMetadata_AndTheSourceIsUntouched()
    {
        var scratch = NewScratch();
        var source = CopyFixture("params.ipynb", scratch);
        var before = File.ReadAllText(source);
        var result = await NotebookRunner.RunAsync(source, new RunOptions { Parameters = new System.Collections.Generic.Dictionary<string, string> { ["iterations"] = "3" } });
        var path = Path.Combine(scratch, "out", "params.ipynb");
        IpynbWriter.Write(result.Document!, path);
        AssertValidNbformat(path);
        Assert.Equal(before, File.ReadAllText(source));
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        Assert.Equal("p1", (string?)cells[0]!["id"]);
        Assert.Equal("parameters", (string?)cells[0]!["metadata"]!["tags"]![0]);
        Assert.Equal("injected-parameters", (string?)cells[1]!["metadata"]!["tags"]![0]);
        Assert.Equal("p2", (string?)cells[2]!["id"]);
    }

    [SkippableFact]
    public void AtomicFile_ReplacesWholeFiles_AndLeavesNoTemporaries()
    {
        var scratch = NewScratch();
        var path = Path.Combine(scratch, "x.html");
        AtomicFile.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["x.html"], Directory.GetFiles(scratch).Select(Path.GetFileName));
    }
}
