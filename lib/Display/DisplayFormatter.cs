using System;
using System.IO;

namespace Backprop.Display;

/// <summary>One MIME type of a display type, in the duck-typed shape .NET Interactive's formatter convention expects.</summary>
internal sealed class DisplayFormatter
{
    public DisplayFormatter(string mimeType)
    {
        MimeType = mimeType;
    }

    public string MimeType { get; }

    public Type Type => typeof(IHtmlDisplay);

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not IHtmlDisplay display)
        {
            return false;
        }

        writer.Write(MimeType switch
        {
            "text/html" => display.ToHtml(),
            "image/svg+xml" when instance is Figure figure => figure.ToSvg(),
            _ => display.ToString(),
        });
        return true;
    }
}
