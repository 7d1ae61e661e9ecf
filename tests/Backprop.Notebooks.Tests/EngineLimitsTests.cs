using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Backprop.Notebooks.Tests;

/// <summary>The engine's bounds: printed text kept as a marked excerpt, -p values as typed literals, a heartbeat for long cells.</summary>
public sealed class EngineLimitsTests
{
    [Fact]
    public void StreamExcerpt_KeepsHeadAndTail_AndCountsWhatItLeftOut()
    {
        var excerpt = new StreamExcerpt("stdout", headChars: 20, tailChars: 10);
        for (var i = 0; i < 100; i++)
        {
            excerpt.Append($"line {i:00}\n");
        }

        var text = excerpt.ToOutput().Text!;

        Assert.StartsWith("line 00\nline 01\n… [output too long: 97 lines (776 characters) left out here; the first 16 and the last 8 characters are kept] …\n\nline 99\n", text);
        Assert.EndsWith("kept] …\n\nline 99\n", text);
    }

    [Fact]
    public void CollectingSink_MergesAStreamAcrossWrites_AndSplitsItAroundADisplay()
    {
        var sink = new CollectingSink();
        sink.Write(CellOutput.Stream("stdout", "a"));
        sink.Write(CellOutput.Stream("stdout", "b\n"));
        Assert.Equal("ab\n", sink.Outputs.Single().Text);
        sink.Write(CellOutput.Display(new Dictionary<string, string> { ["text/plain"] = "x" }));
        sink.Write(CellOutput.Stream("stdout", "c"));

        Assert.Equal(["ab\n", null, "c"], sink.Outputs.Select(o => o.Text));
    }

    [Theory]
    [InlineData("int", "10_000", "10000")]
    [InlineData("long", "-5", "-5L")]
    [InlineData("double", "0.1", "0.1")]
    [InlineData("double", "3", "3.0")]
    [InlineData("float", "0.5", "0.5f")]
    [InlineData("bool", "True", "true")]
    [InlineData("string", "x\"y", "\"x\\\"y\"")]
    [InlineData("string", "\"a\" + Evil() + \"b\"", "\"a\\\" + Evil() + \\\"b\"")]
    [InlineData("string", "line\nbreak", "\"line\\nbreak\"")]
    [InlineData(null, "42", "42")]
    [InlineData(null, "File.Delete(\"x\")", "\"File.Delete(\\\"x\\\")\"")]
    public void ParameterLiteral_IsDataOfTheDeclaredType(string? type, string value, string literal) =>
        Assert.Equal(literal, ParameterLiteral.For("p", type, value));

    [Theory]
    [InlineData("int", "abc", "a whole number")]
    [InlineData("int", "1.5", "a whole number")]
    [InlineData("double", "fast", "a number")]
    [InlineData("bool", "yes", "true or false")]
    public void ParameterLiteral_OfTheWrongType_NamesTheParameterAndTheType(string type, string value, string expected)
    {
        var e = Assert.Throws<System.ArgumentException>(() => ParameterLiteral.For("rate", type, value, "cell 2"));
        Assert.Equal($"-p rate={value}: rate must be {expected}; cell 2 declares it as `{type} rate`.", e.Message);
    }

    [Fact]
    public void InjectedCellFailure_NamesTheParameterOnItsLine()
    {
        var injected = new NotebookCell(CellKind.Code, "csharp", "// Injected parameters\nsize = 3;\nnet = \"big\";");

        var message = ParameterInjector.Explain(injected, "(3,7): error CS0029: Cannot implicitly convert type 'string' to 'Backprop.TwoLayerNet'");

        Assert.Equal("-p net=\"big\": error CS0029: Cannot implicitly convert type 'string' to 'Backprop.TwoLayerNet'", message);
    }

    [Fact]
    public async Task LongCell_GetsAStillRunningLine_AndItsPrintedTextLive()
    {
        var doc = DibReader.Parse("#!markdown\n# x\n\n#!csharp\nConsole.WriteLine(\"first\");\nfor (var i = 0; i < 12; i++) System.Threading.Thread.Sleep(100);\n", "slow.dib");
        doc.Renumber();
        var log = new List<string>();
        var printed = new List<string>();

        var result = await NotebookRunner.RunAsync(doc, new RunOptions
        {
            HeartbeatInterval = System.TimeSpan.FromMilliseconds(300),
            Log = line => { lock (log) { log.Add(line); } },
            Printed = text => { lock (printed) { printed.Add(text); } },
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Contains(log, l => l.StartsWith("cell 1 (line 5) still running (", System.StringComparison.Ordinal));
        Assert.Equal("first\n", string.Concat(printed));
    }
}
