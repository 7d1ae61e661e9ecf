using System;
using System.IO;
using System.Text;
using System.Threading;

namespace Backprop.Notebooks;

/// <summary>
/// Console.Out / Console.Error replacement that sends text to the executing cell's sink (via the async-local scope)
/// and anything written outside a cell to the real console.
/// </summary>
internal sealed class ConsoleRouter : TextWriter
{
    private static int _installed;
    private readonly TextWriter _fallback;
    private readonly string _stream;

    private ConsoleRouter(TextWriter fallback, string stream)
    {
        _fallback = fallback;
        _stream = stream;
    }

    /// <summary>The process's real stdout and stderr, for the host's own messages.</summary>
    public static TextWriter OriginalOut { get; private set; } = Console.Out;

    public static TextWriter OriginalError { get; private set; } = Console.Error;

    public override Encoding Encoding => Encoding.UTF8;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        OriginalOut = Console.Out;
        OriginalError = Console.Error;
        Console.SetOut(new ConsoleRouter(OriginalOut, "stdout"));
        Console.SetError(new ConsoleRouter(OriginalError, "stderr"));
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (ExecutionScope.Current is { } scope)
        {
            scope.Sink.Write(CellOutput.Stream(_stream, value));
        }
        else
        {
            _fallback.Write(value);
        }
    }

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush() => _fallback.Flush();
}
