using System;
using System.Collections.Generic;
using System.Globalization;

namespace Backprop.Runner;

/// <summary>The parsed `run` command line.</summary>
internal sealed class CommandLine
{
    public const string Usage = """
Usage: backprop-run run <notebook-or-folder>... [options]

Runs C# notebooks (.ipynb, .dib) headlessly like Polyglot Notebooks' "Run All", writes each executed notebook
(.ipynb, nbformat 4.5) and an HTML page into the output folder, prints a summary, exits non-zero if a cell failed.
A folder runs every notebook directly inside it, in name order.

Options:
  -o, --output <dir>        Output folder (default: artifacts/notebooks under the current directory).
  -p, --parameter <n=v>     Override a variable of the cell tagged 'parameters' (repeatable). The value
                            must fit the variable's declared type (int, double, bool, string, ...) and
                            becomes a C# literal of it (strings escaped, never run as code). With several
                            notebooks, those without a 'parameters' cell run unchanged.
      --timeout <seconds>   Longest a cell may run (default 300); a long cell prints "still running" each minute.
      --stop-on-error       Stop a notebook at its first failed cell (default: run every cell, report all failures).
      --no-html             Write the executed notebooks only.
      --in-process          Run notebooks inside this process (default: one child process per notebook,
                            so a crashing or stuck cell cannot take the runner down).
  -h, --help                Show this help.

Ctrl-C or SIGTERM stops the run: the cells that finished are saved as an executed notebook and page marked
where it stopped, no process of the run is left, and the exit code is 128 + the signal (130, 143).

Teaching commands (docs/exercises.md):
  backprop-run release <notebook-or-folder>... -o <dir>   the student edition: solutions become stubs
  backprop-run grade <submissions-folder> -o <dir>         grade submitted notebooks against the kit's checks
""";

    public List<string> Inputs { get; } = new();

    public string Output { get; private set; } = System.IO.Path.Combine("artifacts", "notebooks");

    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(300);

    public bool StopOnError { get; private set; }

    public bool Html { get; private set; } = true;

    public bool Help { get; private set; }

    /// <summary>Child mode (`run-one`): the folder where the child saves its progress.</summary>
    public string? StateFolder { get; private set; }

    /// <summary>Child mode: notebooks without a parameters cell ignore -p.</summary>
    public bool ParametersOptional { get; private set; }

    /// <summary>Run each notebook in this process instead of a child process (debugging).</summary>
    public bool InProcess { get; private set; }

    /// <summary>Parses the arguments after "run"; throws <see cref="FormatException"/> with a user-facing message.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var cl = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"option {a} needs a value.");
                }

                return args[++i];
            }

            switch (a)
            {
                case "-h" or "--help":
                    cl.Help = true;
                    break;
                case "-o" or "--output":
                    cl.Output = Value();
                    break;
                case "-p" or "--parameter":
                    var p = Value();
                    var eq = p.IndexOf('=');
                    if (eq <= 0)
                    {
                        throw new FormatException($"parameter '{p}' must look like name=value.");
                    }

                    cl.Parameters[p[..eq].Trim()] = p[(eq + 1)..];
                    break;
                case "--timeout":
                    var t = Value();
                    if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    {
                        throw new FormatException($"--timeout expects a positive number of seconds, not '{t}'.");
                    }

                    cl.Timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "--stop-on-error":
                    cl.StopOnError = true;
                    break;
                case "--no-html":
                    cl.Html = false;
                    break;
                case "--state":
                    cl.StateFolder = Value();
                    break;
                case "--parameters-optional":
                    cl.ParametersOptional = true;
                    break;
                case "--in-process":
                    cl.InProcess = true;
                    break;
                default:
                    if (a.StartsWith('-') && a.Length > 1)
                    {
                        throw new FormatException($"unknown option '{a}'.");
                    }

                    cl.Inputs.Add(a);
                    break;
            }
        }

        if (!cl.Help && cl.Inputs.Count == 0)
        {
            throw new FormatException("no notebook or folder given.");
        }

        return cl;
    }
}
