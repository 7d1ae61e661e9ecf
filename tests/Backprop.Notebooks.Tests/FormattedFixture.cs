using System;
using System.Collections.Generic;
using System.IO;

namespace Backprop.Notebooks.Tests;

/// <summary>A value whose HTML comes from a formatter source found by attribute name only, as library types do.</summary>
[TypeFormatterSource(typeof(FixtureFormatterSource))]
public sealed class FormattedFixture
{
    public FormattedFixture(int value) => Value = value;

    public int Value { get; }
}

/// <summary>Our own attribute class: the formatter library recognises it by name, with no reference to it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }
}

/// <summary>Yields the fixture's formatters.</summary>
public sealed class FixtureFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new FixtureHtmlFormatter();
    }
}

/// <summary>Convention formatter: MimeType, Type, Format(object, TextWriter).</summary>
public sealed class FixtureHtmlFormatter
{
    public string MimeType => "text/html";

    public Type Type => typeof(FormattedFixture);

    public bool Format(object instance, TextWriter writer)
    {
        writer.Write($"<b class=\"fixture\">{((FormattedFixture)instance).Value}</b>");
        return true;
    }
}
