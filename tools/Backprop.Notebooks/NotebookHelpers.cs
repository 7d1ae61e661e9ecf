using Microsoft.AspNetCore.Html;

namespace Backprop.Notebooks;

/// <summary>
/// Functions every cell sees without a using, as in the real C# kernel: display(...), HTML(...), obj.Display().
/// Imported into each submission as a static using.
/// </summary>
public static class NotebookHelpers
{
    /// <summary>Shows <paramref name="value"/> as an output of the running cell (formatted for the given mime types, or its preferred ones).</summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var scope = ExecutionScope.Current;
        var id = scope?.NextDisplayId() ?? "display";
        scope?.Sink.Write(CellOutput.Display(DisplayedValue.Bundle(value, mimeTypes), id));
        return new DisplayedValue(value, id, scope?.Sink, mimeTypes);
    }

    /// <summary>Marks a string as HTML so it is shown as markup, not text.</summary>
    public static IHtmlContent HTML(string content) => new HtmlString(content);

    /// <summary>Extension form of display(...).</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => display(value, mimeTypes);
}
