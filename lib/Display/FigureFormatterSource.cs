using System.Collections.Generic;

namespace Backprop.Display;

/// <summary>The formatter source of charts: interactive HTML, the static SVG picture beside it, and plain text.</summary>
internal sealed class FigureFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new DisplayFormatter("text/html");
        yield return new DisplayFormatter("image/svg+xml");
        yield return new DisplayFormatter("text/plain");
    }
}
