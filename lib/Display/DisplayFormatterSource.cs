using System.Collections.Generic;

namespace Backprop.Display;

/// <summary>The formatter source every display type names: HTML from <see cref="IHtmlDisplay"/>, plain text from ToString.</summary>
internal sealed class DisplayFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new DisplayFormatter("text/html");
        yield return new DisplayFormatter("text/plain");
    }
}
