using System;
using System.Globalization;
using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// One stream output being printed: appends in amortised constant time and keeps the first and the last part once the
/// text outgrows them, like Jupyter's output limit, with a marked line saying how much was left out in between.
/// </summary>
public sealed class StreamExcerpt
{
    public const int DefaultHeadChars = 100_000;
    public const int DefaultTailChars = 20_000;

    private readonly StringBuilder _head = new();
    private readonly StringBuilder _tail = new();
    private readonly int _headChars;
    private readonly int _tailChars;
    private long _cutChars;
    private long _cutLines;

    public StreamExcerpt(string streamName, int headChars = DefaultHeadChars, int tailChars = DefaultTailChars)
    {
        StreamName = streamName;
        _headChars = headChars;
        _tailChars = tailChars;
    }

    public string StreamName { get; }

    public void Append(string text)
    {
        if (_tail.Length == 0 && _cutChars == 0 && _head.Length + text.Length <= _headChars)
        {
            _head.Append(text);
            return;
        }

        if (_tail.Length == 0 && _cutChars == 0)
        {
            // Fill the head up to a line end so the excerpt never breaks a line in two.
            var room = _headChars - _head.Length;
            var cut = text.LastIndexOf('\n', Math.Max(0, Math.Min(room, text.Length) - 1)) + 1;
            _head.Append(text, 0, cut);
            text = text[cut..];
        }

        _tail.Append(text);
        if (_tail.Length > 2 * _tailChars)
        {
            Drop(_tail.Length - _tailChars);
        }
    }

    /// <summary>The kept text, with the marker line where text was left out.</summary>
    public CellOutput ToOutput()
    {
        if (_cutChars == 0)
        {
            return CellOutput.Stream(StreamName, _head.ToString() + _tail);
        }

        if (_tail.Length > _tailChars)
        {
            Drop(_tail.Length - _tailChars);
        }

        var marker = string.Format(
            CultureInfo.InvariantCulture,
            "\n… [output too long: {0:N0} lines ({1:N0} characters) left out here; the first {2:N0} and the last {3:N0} characters are kept] …\n\n",
            _cutLines,
            _cutChars,
            _head.Length,
            _tail.Length);
        var head = _head.ToString();
        return CellOutput.Stream(StreamName, head + (head.EndsWith('\n') || head.Length == 0 ? marker[1..] : marker) + _tail);
    }

    // Removes about `count` characters from the tail's start, up to a line end when there is one.
    private void Drop(int count)
    {
        var text = _tail.ToString();
        var newline = text.IndexOf('\n', count - 1);
        var end = newline < 0 ? count : newline + 1;
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n')
            {
                _cutLines++;
            }
        }

        _cutChars += end;
        _tail.Clear().Append(text, end, text.Length - end);
    }
}
