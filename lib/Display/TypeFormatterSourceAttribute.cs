using System;

namespace Backprop.Display;

/// <summary>
/// Names the formatter source of a display type. .NET Interactive (and its Formatting package) finds
/// this attribute by its name alone, so the library renders as HTML without referencing either.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        FormatterSourceType = formatterSourceType;
    }

    public Type FormatterSourceType { get; }

    // Notebook front ends pick the first MIME type they can render; HTML is the point of these types.
    public string[] PreferredMimeTypes { get; set; } = ["text/html", "text/plain"];
}
