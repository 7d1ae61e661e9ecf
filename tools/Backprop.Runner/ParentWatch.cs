using System;
using System.IO;
using System.Threading;

namespace Backprop.Runner;

/// <summary>
/// The worker's side of the pipe its runner holds open on its stdin: "stop" asks it to stop after saving what
/// finished; end of input means the runner is gone (killed), so the worker exits at once instead of running on alone.
/// </summary>
internal static class ParentWatch
{
    public const string StopLine = "stop";

    /// <summary>Exit code of a worker whose runner disappeared.</summary>
    public const int OrphanExitCode = 129;

    public static void Start(Action stop, Action orphaned)
    {
        var thread = new Thread(() =>
        {
            using var input = new StreamReader(Console.OpenStandardInput());
            while (input.ReadLine() is { } line)
            {
                if (line == StopLine)
                {
                    stop();
                }
            }

            orphaned();
        })
        {
            IsBackground = true,
            Name = "parent watch",
        };
        thread.Start();
    }
}
