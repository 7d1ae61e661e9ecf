using System;
using System.IO;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>backprop-run: runs the course's notebooks headlessly, checks them and publishes them as HTML.</summary>
public static class Program
{
    /// <summary>Child mode: run one notebook, saving progress before the first cell and after every cell into --state for the parent.</summary>
    private static async Task<int> RunOneAsync(string[] args)
    {
        var command = CommandLine.Parse(args);
        var folder = command.StateFolder ?? throw new FormatException("run-one needs --state <folder>.");
        var error = Console.Error;
        using var stop = new StopSignals();

        // The runner keeps our stdin open: "stop" stops the run; end of input means it is gone, so nothing is left running.
        ParentWatch.Start(() => stop.Request(), () => Environment.Exit(ParentWatch.OrphanExitCode));
        var echo = new LineEcho(error);
        var result = await NotebookRunner.RunAsync(
            command.Inputs[0],
            new RunOptions
            {
                CellTimeout = command.Timeout,
                StopOnError = command.StopOnError,
                Parameters = command.Parameters,
                RequireParametersCell = !command.ParametersOptional,
                Log = line =>
                {
                    echo.EndCell();
                    error.WriteLine($"    {line}");
                },
                Printed = echo.Write,
                Prepared = partial => RunState.Save(partial, folder),
                CellFinished = partial => RunState.Save(partial, folder),
            },
            stop.Token);
        echo.EndCell();
        RunState.Save(result, folder);
        error.Flush();

        // Exit at once: a cell stuck outside user loops may still hold a thread.
        Environment.Exit(stop.Token.IsCancellationRequested ? WorkerEnd.StoppedExitCode : result.Succeeded ? 0 : 1);
        return 0;
    }

    public static async Task<int> Main(string[] args)
    {
        var error = Console.Error;

        // A cell that reads stdin gets end-of-input at once instead of waiting on the terminal forever.
        Console.SetIn(TextReader.Null);
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Out.Write(CommandLine.Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "run-one")
        {
            return await RunOneAsync(args[1..]);
        }

        if (ExerciseCommands.Handles(args[0]))
        {
            return await ExerciseCommands.RunAsync(args, Console.Out, error);
        }

        if (args[0] != "run")
        {
            error.WriteLine($"error: unknown command '{args[0]}' (expected 'run').");
            error.Write(CommandLine.Usage);
            return 2;
        }

        CommandLine command;
        try
        {
            command = CommandLine.Parse(args[1..]);
        }
        catch (FormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine("Run 'backprop-run --help' for usage.");
            return 2;
        }

        if (command.Help)
        {
            Console.Out.Write(CommandLine.Usage);
            return 0;
        }

        try
        {
            using var stop = new StopSignals();
            return await new RunCommand(command, Console.Out, error, stop).ExecuteAsync();
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (Exception e)
        {
            // A bug of the runner, not of a notebook: still one line, no stack trace (BACKPROP_DEBUG=1 shows it).
            error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("BACKPROP_DEBUG") == "1")
            {
                error.WriteLine(e);
            }

            return 3;
        }
    }
}
