using System.Linq;

namespace Backprop.Notebooks.Tests;

public sealed class DibReaderTests
{
    [Fact]
    public void Parse_SplitsCellsOnKernelLines_AndRemembersFileLines()
    {
        var text = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n#!markdown\n\n# Title\n\n#!csharp\n\n#!time\nvar a = 1;\n\n\n#!c#\na\n";
        var doc = DibReader.Parse(text, "t.dib");
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], doc.Cells.Select(c => c.Kind));
        Assert.Equal("# Title", doc.Cells[0].Source);
        Assert.Equal("#!time\nvar a = 1;", doc.Cells[1].Source);
        Assert.Equal(11, doc.Cells[1].FileLine);
        Assert.Equal(16, doc.Cells[2].FileLine);
        Assert.All(doc.Cells.Skip(1), c => Assert.Equal("csharp", c.Language));
    }

    [Fact]
    public void Parse_UsesAliasesDeclaredInMeta()
    {
        var text = "#!meta\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"name\":\"fsharp\",\"aliases\":[\"ff\"]}]}}\n#!ff\nlet x = 1\n";
        var doc = DibReader.Parse(text, "t.dib");
        Assert.Equal("fsharp", Assert.Single(doc.Cells).Language);
    }

    [Fact]
    public void Parse_ContentBeforeAnySeparator_UsesTheDefaultKernel()
    {
        var doc = DibReader.Parse("\nvar x = 1;\n", "t.dib");
        var cell = Assert.Single(doc.Cells);
        Assert.Equal(("csharp", 2), (cell.Language, cell.FileLine));
    }

    [Fact]
    public void Parse_BrokenMeta_NamesFileAndLine()
    {
        var e = Assert.Throws<NotebookFormatException>(() => DibReader.Parse("#!meta\n{\"kernelInfo\": \n#!csharp\n1\n", "bad.dib"));
        Assert.StartsWith("bad.dib(", e.Message);
        Assert.Contains("#!meta is not valid JSON", e.Message);
    }

    [Fact]
    public void Parse_EmptyFile_IsAnError()
    {
        var e = Assert.Throws<NotebookFormatException>(() => DibReader.Parse("  \n", "empty.dib"));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Parse_TagsParametersCellByComment()
    {
        var doc = DibReader.Parse("#!csharp\n// parameters\nvar n = 1;\n", "p.dib");
        Assert.True(Assert.Single(doc.Cells).HasTag("parameters"));
    }
}
