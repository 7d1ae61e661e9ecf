using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Kernel.Execution;

/// <summary>The notebook engine behind the kernel: one <see cref="ScriptSession"/>, the same one backprop-run uses.</summary>
/// <remarks>Directives, default usings, display(...), formatting, loop cancellation and completions are all the
/// engine's; this class only translates its outputs and results into protocol terms.</remarks>
internal sealed class EngineExecutor : ICellExecutor, IDisposable
{
    private readonly ScriptSession _session;
    private readonly PlotlyOnce _plotly = new();
    private int _cells;

    private EngineExecutor(ScriptSession session) => _session = session;

    /// <summary>A session rooted at the kernel's working directory (Jupyter starts kernels in the notebook's folder).</summary>
    public static EngineExecutor Create(TextWriter log) => new(new ScriptSession(new ScriptSessionOptions
    {
        WorkingDirectory = Environment.CurrentDirectory,
        Log = message => log.WriteLine($"backprop-kernel: {message}"),
    }));

    public async Task<CellOutcome> ExecuteAsync(string code, ICellOutput output, CancellationToken cancellation)
    {
        var sink = new EngineOutputSink(output, Interlocked.Increment(ref _cells), _plotly);
        var result = await _session.ExecuteAsync(code, sink, cancellation);
        if (result.Error is { } error)
        {
            return CellOutcome.Failed(new CellError(error.ErrorName ?? "Error", error.ErrorValue ?? "", error.Traceback));
        }

        return CellOutcome.Ok(sink.Result);
    }

    public CompletionResult Complete(string code, int cursorPosition)
    {
        var list = _session.GetCompletionsAsync(code, cursorPosition).GetAwaiter().GetResult();
        return new CompletionResult(list.Items.Select(i => i.Text).ToArray(), list.CursorStart, list.CursorEnd);
    }

    /// <summary>Names the symbol under the cursor and its kind, found through the engine's completions.</summary>
    public InspectionResult Inspect(string code, int cursorPosition, int detailLevel)
    {
        var start = Math.Clamp(cursorPosition, 0, code.Length);
        var end = start;
        while (start > 0 && IsIdentifierChar(code[start - 1]))
        {
            start--;
        }

        while (end < code.Length && IsIdentifierChar(code[end]))
        {
            end++;
        }

        var name = code[start..end];
        if (name.Length == 0)
        {
            return new InspectionResult(false, "");
        }

        var list = _session.GetCompletionsAsync(code, end).GetAwaiter().GetResult();
        var match = list.Items.FirstOrDefault(i => i.Text == name);
        return match is null ? new InspectionResult(false, "") : new InspectionResult(true, $"{match.Text}: {match.Kind}");
    }

    public IsCompleteResult IsComplete(string code) => SubmissionCompleteness.Check(code);

    public void Dispose() => _session.Dispose();

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
