using System;
using System.IO;
using System.Text;

namespace Backprop.Runner;

/// <summary>
/// Shows a cell's printed lines on the console as they are printed (lesson 6's epoch lines), indented under the cell's
/// progress line; after a limit it says the rest is in the executed notebook, so a cell printing a million lines
/// does not flood the terminal.
/// </summary>
internal sealed class LineEcho
{
    public const string Prefix = "      | ";

    private readonly TextWriter _writer;
    private readonly int _maxLines;
    private readonly StringBuilder _partial = new();
    private readonly object _gate = new();
    private int _lines;

    public LineEcho(TextWriter writer, int maxLines = 1000)
    {
        _writer = writer;
        _maxLines = maxLines;
    }

    public void Write(string text)
    {
        lock (_gate)
        {
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    Line(_partial.ToString());
                    _partial.Clear();
                }
                else if (c != '\r' && _partial.Length < 2000)
                {
                    _partial.Append(c);
                }
            }
        }
    }

    /// <summary>Ends a cell: shows its unfinished last line and starts the line count again.</summary>
    public void EndCell()
    {
        lock (_gate)
        {
            if (_partial.Length > 0)
            {
                Line(_partial.ToString());
                _partial.Clear();
            }

            if (_lines > _maxLines)
            {
                _writer.WriteLine($"{Prefix}… {_lines - _maxLines:N0} more printed lines not shown here (see the executed notebook)");
            }

            _lines = 0;
        }
    }

    private void Line(string line)
    {
        if (++_lines <= _maxLines)
        {
            _writer.WriteLine(Prefix + line);
        }
    }
}
