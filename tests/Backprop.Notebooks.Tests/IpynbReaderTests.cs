namespace Backprop.Notebooks.Tests;

public sealed class IpynbReaderTests
{
    private const string Meta = "\"metadata\":{\"polyglot_notebook\":{\"kernelInfo\":{\"defaultKernelName\":\"csharp\"}}},\"nbformat\":4,\"nbformat_minor\":5";

    [Fact]
    public void Parse_AcceptsStringAndListSources_AndCellLanguages()
    {
        var json = "{\"cells\":["
            + "{\"cell_type\":\"code\",\"id\":\"a\",\"metadata\":{},\"outputs\":[],\"source\":\"var x = 1;\"},"
            + "{\"cell_type\":\"code\",\"id\":\"b\",\"metadata\":{\"polyglot_notebook\":{\"kernelName\":\"fsharp\"}},\"outputs\":[],\"source\":[\"let y =\\n\",\" 2\"]},"
            + "{\"cell_type\":\"code\",\"id\":\"c\",\"metadata\":{\"dotnet_interactive\":{\"language\":\"pwsh\"}},\"outputs\":[],\"source\":[]},"
            + "{\"cell_type\":\"markdown\",\"id\":\"d\",\"metadata\":{},\"source\":[\"# T\"]}],"
            + Meta + "}";
        var doc = IpynbReader.Parse(json, "n.ipynb");
        Assert.Equal(("csharp", "var x = 1;"), (doc.Cells[0].Language, doc.Cells[0].Source));
        Assert.Equal(("fsharp", "let y =\n 2"), (doc.Cells[1].Language, doc.Cells[1].Source));
        Assert.Equal("pwsh", doc.Cells[2].Language);
        Assert.Equal(CellKind.Markdown, doc.Cells[3].Kind);
        Assert.Equal("b", doc.Cells[1].Id);
    }

    [Fact]
    public void Parse_InvalidJson_NamesTheLine()
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse("{\n \"cells\": [\n  oops\n ]\n}", "bad.ipynb"));
        Assert.StartsWith("bad.ipynb(3): invalid JSON", e.Message);
    }

    [Fact]
    public void Parse_WrongNbformat_IsAnError()
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse("{\"cells\":[],\"nbformat\":3}", "old.ipynb"));
        Assert.Contains("unsupported nbformat 3", e.Message);
    }
}
