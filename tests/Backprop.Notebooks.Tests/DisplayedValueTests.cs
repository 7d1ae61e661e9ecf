using System.IO;
using System.Linq;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>display(x).Update(y): the displayed output is replaced in place, like the real kernel's update_display_data.</summary>
public sealed class DisplayedValueTests
{
    private const string Notebook = """
#!csharp

var progress = display("epoch 0");
Console.WriteLine("training");
for (var epoch = 1; epoch <= 3; epoch++)
{
    progress.Update($"epoch {epoch}, loss {1.0 / epoch:0.00}");
}
var other = display("other");
progress.Value
""";

    [Fact]
    public async Task Update_ReplacesTheDisplayedOutputInPlace_InNotebookAndPage()
    {
        var scratch = NewScratch();
        var result = await NotebookRunner.RunAsync(WriteNotebook(scratch, "progress.dib", Notebook), new RunOptions());
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));

        var outputs = result.Document!.Cells.Single().Outputs;
        Assert.Equal(
            [CellOutputKind.DisplayData, CellOutputKind.Stream, CellOutputKind.DisplayData, CellOutputKind.ExecuteResult],
            outputs.Select(o => o.Kind));
        Assert.Equal($"epoch 3, loss {1.0 / 3:0.00}", outputs[0].PlainText());
        Assert.Equal("other", outputs[2].PlainText());
        Assert.NotEqual(outputs[0].DisplayId, outputs[2].DisplayId);
        Assert.Equal(outputs[0].PlainText(), outputs[3].PlainText());

        var html = HtmlPublisher.Render(result);
        var shown = html[html.IndexOf("<div class=\"outputs\">", System.StringComparison.Ordinal)..];
        Assert.Equal(4, shown.Split("<div class=\"output\">").Length - 1);
        Assert.Contains("epoch 3", shown);
        Assert.DoesNotContain("epoch 0", shown);
        Assert.DoesNotContain("epoch 1", shown);
    }
}
