using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>What display(...) returns: the shown value and its display id, like the real kernel's DisplayedValue.</summary>
public sealed class DisplayedValue
{
    private readonly ICellOutputSink? _sink;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(object? value, string displayId, ICellOutputSink? sink, string[] mimeTypes)
    {
        Value = value;
        DisplayId = displayId;
        _sink = sink;
        _mimeTypes = mimeTypes;
    }

    public object? Value { get; private set; }

    public string DisplayId { get; }

    /// <summary>Shows a new value under the same display id (the runner keeps both; a live frontend replaces).</summary>
    public void Update(object? value)
    {
        Value = value;
        _sink?.Write(CellOutput.Display(ValueFormatter.Format(value, _mimeTypes), DisplayId));
    }

    public override string ToString() => $"DisplayedValue({DisplayId})";

    internal static IReadOnlyDictionary<string, string> Bundle(object? value, string[] mimeTypes) => ValueFormatter.Format(value, mimeTypes);
}
