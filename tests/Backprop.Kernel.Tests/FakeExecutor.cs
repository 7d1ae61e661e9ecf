using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Backprop.Kernel.Execution;

namespace Backprop.Kernel.Tests;

/// <summary>A tiny command language standing in for C#, so protocol tests see exact, chosen outputs.</summary>
/// <remarks>Each line: <c>print X</c>, <c>eprint X</c>, <c>display X</c>, <c>update X</c>, <c>result X</c>,
/// <c>fail X</c>, <c>throw X</c>, <c>sleep MS</c>, <c>spin</c> (runs until interrupted), <c>set X</c> / <c>get</c> (state).</remarks>
internal sealed class FakeExecutor : ICellExecutor
{
    private string _state = "";

    public Task<CellOutcome> ExecuteAsync(string code, ICellOutput output, CancellationToken cancellation)
    {
        MimeBundle? result = null;
        foreach (var line in code.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (verb, arg) = line.IndexOf(' ') is var space and > 0 ? (line[..space], line[(space + 1)..]) : (line, "");
            switch (verb)
            {
                case "print":
                    output.Stream("stdout", arg + "\n");
                    break;
                case "eprint":
                    output.Stream("stderr", arg + "\n");
                    break;
                case "display":
                    output.Display(Bundle(arg, "d1"));
                    break;
                case "update":
                    output.UpdateDisplay(Bundle(arg, "d1"));
                    break;
                case "result":
                    result = Bundle(arg, null);
                    break;
                case "fail":
                    return Task.FromResult(CellOutcome.Failed(new CellError("FakeError", arg, new[] { "FakeError: " + arg, "  at line 1" })));
                case "throw":
                    throw new InvalidOperationException(arg);
                case "sleep":
                    Thread.Sleep(int.Parse(arg, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "spin":
                    while (true)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        Thread.Sleep(5);
                    }

                case "set":
                    _state = arg;
                    break;
                case "get":
                    result = Bundle(_state, null);
                    break;
                default:
                    return Task.FromResult(CellOutcome.Failed(new CellError("UnknownVerb", verb, Array.Empty<string>())));
            }
        }

        return Task.FromResult(CellOutcome.Ok(result));
    }

    public CompletionResult Complete(string code, int cursorPosition)
    {
        var start = cursorPosition;
        while (start > 0 && char.IsLetter(code[start - 1]))
        {
            start--;
        }

        var prefix = code[start..cursorPosition];
        var matches = new[] { "alpha", "alps", "beta" }.Where(w => w.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        return new CompletionResult(matches, start, cursorPosition);
    }

    public InspectionResult Inspect(string code, int cursorPosition, int detailLevel) =>
        code.Contains("alpha", StringComparison.Ordinal) ? new InspectionResult(true, "alpha: the first letter") : new InspectionResult(false, "");

    public IsCompleteResult IsComplete(string code) => SubmissionCompleteness.Check(code);

    private static MimeBundle Bundle(string text, string? id) =>
        new(new JsonObject { ["text/plain"] = text, ["text/html"] = $"<b>{text}</b>" }, new JsonObject(), id);
}
