namespace Backprop.Notebooks;

/// <summary>Receives a cell's outputs as they happen (the kernel forwards them to iopub, the runner collects them).</summary>
public interface ICellOutputSink
{
    void Write(CellOutput output);
}
