using System.Threading;

namespace Backprop.Notebooks;

/// <summary>
/// The cell being executed on this async flow: where display(...) and Console output go, and the token loops check.
/// AsyncLocal so two sessions (or background tasks of another cell) never mix their outputs.
/// </summary>
internal sealed class ExecutionScope
{
    private static readonly AsyncLocal<ExecutionScope?> CurrentScope = new();

    public ExecutionScope(ICellOutputSink sink, CancellationToken token)
    {
        Sink = sink;
        Token = token;
    }

    public static ExecutionScope? Current
    {
        get => CurrentScope.Value;
        set => CurrentScope.Value = value;
    }

    public ICellOutputSink Sink { get; }

    public CancellationToken Token { get; }

    private int _displays;

    public string NextDisplayId() => $"display-{Interlocked.Increment(ref _displays)}";
}
