using System.IO;
using System.Linq;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// Whatever stops a run (Ctrl-C to the group, SIGTERM to the runner's pid, the worker or the runner killed), the cells
/// that finished are in the output folder as a valid executed notebook and page marked where it stopped, the runner
/// exits non-zero within seconds, and no process or temp folder of the run is left.
/// </summary>
public sealed class RunnerStopTests
{
    [SkippableTheory]
    [InlineData("TERM", false, 143)]
    [InlineData("INT", true, 130)]
    [InlineData("TERM", true, 143)]
    public void SignalToTheRunner_SavesTheFinishedCells_MarksTheStop_AndLeavesNothingRunning(string signal, bool group, int expectedExit)
    {
        var scratch = NewScratch();
        var notebook = CopyFixture(Path.Combine("bad", "endless-loop.dib"), scratch);
        var output = Path.Combine(scratch, "out");
        using var runner = new RunnerProcess(scratch, "run", notebook, "-o", output);
        runner.WaitFor("| looping");

        runner.Signal(signal, group);
        var exit = runner.WaitForExit(20);

        Assert.Equal(expectedExit, exit);
        runner.AssertNothingLeftRunning();
        Assert.Contains($"stopped by SIG{signal}", runner.Stderr);
        Assert.Contains("cell 2 (line 8) STOPPED", runner.Stderr);
        var executed = Path.Combine(output, "endless-loop.ipynb");
        AssertValidNbformat(executed);
        var cells = IpynbReader.Parse(File.ReadAllText(executed), executed, includeOutputs: true).CodeCells().ToList();
        Assert.Equal("finished before the stop\n", cells[0].Outputs.Single().Text);
        Assert.Equal(StopMarker.ErrorName, cells[1].Outputs.Last().ErrorName);
        Assert.Empty(cells[2].Outputs);
        Assert.Contains("Stopped here", File.ReadAllText(Path.Combine(output, "endless-loop.html")));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        AssertNoStateFolderOf(runner.Pid);
    }

    [SkippableFact]
    public void WorkerKilled_NamesTheCellItWasRunning_AndTheRunnerGoesOn()
    {
        var scratch = NewScratch();
        var notebook = CopyFixture(Path.Combine("bad", "endless-loop.dib"), scratch);
        using var runner = new RunnerProcess(scratch, "run", notebook, "-o", Path.Combine(scratch, "out"));
        runner.WaitFor("| looping");
        var worker = runner.ProcessesOfTheRun().Single(p => p != runner.Pid);

        RunnerProcess.Kill("KILL", worker.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, runner.WaitForExit(20));
        Assert.Contains("cell 2 (line 8): the notebook process was killed (signal 9) while running this cell.", runner.Stderr);
        AssertValidNbformat(Path.Combine(scratch, "out", "endless-loop.ipynb"));
        runner.AssertNothingLeftRunning();
        AssertNoStateFolderOf(runner.Pid);
    }

    [SkippableFact]
    public void RunnerKilled_ItsWorkerExitsByItself()
    {
        var scratch = NewScratch();
        var notebook = CopyFixture(Path.Combine("bad", "endless-loop.dib"), scratch);
        using var runner = new RunnerProcess(scratch, "run", notebook, "-o", Path.Combine(scratch, "out"));
        runner.WaitFor("| looping");
        Assert.Equal(2, runner.ProcessesOfTheRun().Count);

        runner.Signal("KILL");

        runner.WaitForExit(10);
        runner.AssertNothingLeftRunning();
    }

    private static void AssertNoStateFolderOf(int pid)
    {
        var roots = new[] { System.Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } xdg ? Path.Combine(xdg, "backprop-run") : null, Path.Combine(Path.GetTempPath(), $"backprop-run-{System.Environment.UserName}") };
        foreach (var root in roots.OfType<string>().Where(Directory.Exists))
        {
            Assert.Empty(Directory.GetDirectories(root, $"{pid}-*"));
        }
    }
}
