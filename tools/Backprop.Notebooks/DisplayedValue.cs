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

    /// <summary>
    /// Shows a new value in place of the displayed one, as the real kernel does: the kernel sends update_display_data,
    /// the runner's executed notebook and HTML page keep only the latest value, at the original display's position.
    /// </summary>
    public void Update(object? value)
    {
        Value = value;
        _sink?.Write(CellOutput.Display(ValueFormatter.Format(value, _mimeTypes), DisplayId));
    }

    public override string ToString() => $"DisplayedValue({DisplayId})";

    internal static IReadOnlyDictionary<string, string> Bundle(object? value, string[] mimeTypes) => ValueFormatter.Format(value, mimeTypes);
}
