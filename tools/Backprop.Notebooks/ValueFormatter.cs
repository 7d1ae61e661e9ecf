using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks;

/// <summary>Turns a value into a mime bundle with the kernel's own formatter library (HTML tables, registered formatters, TypeFormatterSource).</summary>
public static class ValueFormatter
{
    /// <summary>Formats <paramref name="value"/> for the given mime types, or its preferred ones plus text/plain.</summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, params string[] mimeTypes)
    {
        var types = mimeTypes.Length > 0
            ? mimeTypes
            : Formatter.GetPreferredMimeTypesFor(value?.GetType()).Append(PlainTextFormatter.MimeType).Distinct().ToArray();
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mime in types)
        {
            bundle[mime] = value.ToDisplayString(mime);
        }

        return bundle;
    }

    /// <summary>Forgets formatters registered by a previous notebook.</summary>
    public static void Reset() => Formatter.ResetToDefault();
}
