using System;
using System.IO;

namespace Backprop.Kernel;

/// <summary>Console.In for the kernel: reading fails at once with a clear message instead of hanging a cell.</summary>
/// <remarks>Jupyter's stdin channel (input_request) is not supported; without this, Console.ReadLine would wait
/// on the kernel process's own stdin, which no notebook user can type into.</remarks>
internal sealed class NoConsoleInput : TextReader
{
    public const string Message =
        "Console input is not available in the Backprop kernel: give the value in the cell instead (e.g. var n = 5;).";

    public override int Peek() => throw new NotSupportedException(Message);

    public override int Read() => throw new NotSupportedException(Message);

    public override int Read(char[] buffer, int index, int count) => throw new NotSupportedException(Message);

    public override string ReadLine() => throw new NotSupportedException(Message);

    public override string ReadToEnd() => throw new NotSupportedException(Message);
}
