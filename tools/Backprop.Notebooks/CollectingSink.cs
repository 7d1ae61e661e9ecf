using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>A sink that keeps outputs in order, merging consecutive writes to the same stream like Jupyter does.</summary>
public sealed class CollectingSink : ICellOutputSink
{
    private readonly List<CellOutput> _outputs = new();
    private readonly object _gate = new();

    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (_gate)
            {
                return _outputs.ToArray();
            }
        }
    }

    public void Write(CellOutput output)
    {
        lock (_gate)
        {
            if (output.Kind == CellOutputKind.Stream && _outputs.Count > 0)
            {
                var last = _outputs[^1];
                if (last.Kind == CellOutputKind.Stream && last.StreamName == output.StreamName)
                {
                    _outputs[^1] = CellOutput.Stream(last.StreamName!, last.Text + output.Text);
                    return;
                }
            }

            _outputs.Add(output);
        }
    }
}
