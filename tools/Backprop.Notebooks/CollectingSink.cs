using System;
using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>
/// A sink that keeps outputs in order, merging consecutive writes to the same stream like Jupyter does; a display with
/// an id already shown replaces that output in place (DisplayedValue.Update), the final state a saved notebook keeps.
/// Printed text costs linear time and is kept as a bounded excerpt (<see cref="StreamExcerpt"/>), so a cell printing a
/// million lines still saves a readable notebook.
/// </summary>
public sealed class CollectingSink : ICellOutputSink
{
    private readonly List<CellOutput> _outputs = new();
    private readonly object _gate = new();
    private readonly int _headChars;
    private readonly int _tailChars;
    private readonly Action<CellOutput>? _echo;
    private StreamExcerpt? _open;

    /// <param name="headChars">How much of a stream output is kept from its start.</param>
    /// <param name="tailChars">How much is kept from its end once the start is full.</param>
    /// <param name="echo">Sees every output as it is written (the runner streams printed lines to the console).</param>
    public CollectingSink(int headChars = StreamExcerpt.DefaultHeadChars, int tailChars = StreamExcerpt.DefaultTailChars, Action<CellOutput>? echo = null)
    {
        _headChars = headChars;
        _tailChars = tailChars;
        _echo = echo;
    }

    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (_gate)
            {
                return _open is null ? _outputs.ToArray() : [.. _outputs, _open.ToOutput()];
            }
        }
    }

    public void Write(CellOutput output)
    {
        _echo?.Invoke(output);
        lock (_gate)
        {
            if (output.Kind == CellOutputKind.Stream)
            {
                if (_open is null || _open.StreamName != output.StreamName)
                {
                    Close();
                    _open = new StreamExcerpt(output.StreamName!, _headChars, _tailChars);
                }

                _open.Append(output.Text ?? string.Empty);
                return;
            }

            Close();
            if (output.Kind == CellOutputKind.DisplayData && output.DisplayId is { } id)
            {
                var shown = _outputs.FindIndex(o => o.Kind == CellOutputKind.DisplayData && o.DisplayId == id);
                if (shown >= 0)
                {
                    _outputs[shown] = output;
                    return;
                }
            }

            _outputs.Add(output);
        }
    }

    private void Close()
    {
        if (_open is not null)
        {
            _outputs.Add(_open.ToOutput());
            _open = null;
        }
    }
}
