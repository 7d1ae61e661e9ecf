using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Backprop.Kernel.Install;
using Backprop.Notebooks;

namespace Backprop.Kernel.Tests;

/// <summary>Runs a notebook through real Jupyter (Debian's nbclient) on our kernel, as a student's Jupyter would.</summary>
/// <remarks>The kernelspec goes into a temporary Jupyter data folder, so nothing on the machine changes. The notebook
/// runs in its own folder (relative <c>#r</c> paths work) and is never written: the executed copy is returned.</remarks>
public static class JupyterExecution
{
    public const int CellTimeoutSeconds = 120;

    private const string Script = """
        import json, sys, nbformat
        from nbclient import NotebookClient
        source, target, kernel, cwd, timeout = sys.argv[1:6]
        nb = nbformat.read(source, as_version=4)
        client = NotebookClient(nb, kernel_name=kernel, timeout=int(timeout), startup_timeout=120,
                                allow_errors=True, resources={"metadata": {"path": cwd}})
        client.execute()
        nbformat.write(nb, target)
        """;

    /// <summary>Executes <paramref name="notebookPath"/> with nbclient and returns the executed notebook's JSON.</summary>
    /// <param name="parameters">Papermill-style values for the cell tagged "parameters" (the engine's injector).</param>
    /// <param name="kernelName">Installed under this name; null uses the notebook's own kernelspec name.</param>
    public static JsonNode ExecuteWithJupyter(string notebookPath, IReadOnlyDictionary<string, string>? parameters = null, string? kernelName = "backprop-csharp-test")
    {
        RequireJupyter();
        var notebook = Path.GetFullPath(notebookPath);
        var work = Directory.CreateTempSubdirectory("backprop-jupyter-").FullName;
        try
        {
            var source = notebook;
            if (parameters is { Count: > 0 })
            {
                var document = NotebookDocument.Read(notebook);
                ParameterInjector.Inject(document, parameters);
                source = Path.Combine(work, "input.ipynb");
                IpynbWriter.Write(document, source);
            }

            var name = kernelName ?? (string?)JsonNode.Parse(File.ReadAllText(notebook))?["metadata"]?["kernelspec"]?["name"]
                ?? throw new ArgumentException($"{notebookPath} has no metadata.kernelspec.name; pass a kernel name.");
            var data = Path.Combine(work, "jupyter");
            KernelSpecInstaller.Install(Path.Combine(data, "kernels"), name, force: true);

            var target = Path.Combine(work, "executed.ipynb");
            Python.Run(Script, new[] { source, target, name, Path.GetDirectoryName(notebook)!, CellTimeoutSeconds.ToString() }, Environment(data), timeoutSeconds: 600);
            return JsonNode.Parse(File.ReadAllText(target))!;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Skips the test, naming what to install, when Debian's Jupyter is missing (./test.sh installs it).</summary>
    public static void RequireJupyter()
    {
        Backprop.Tests.SystemPackage.RequirePath("jupyter-core", "/usr/bin/jupyter");
        Backprop.Tests.SystemPackage.RequirePythonModule("python3-nbformat", "nbformat");
        Backprop.Tests.SystemPackage.RequirePythonModule("python3-nbclient", "nbclient");
        Backprop.Tests.SystemPackage.RequirePythonModule("python3-jupyter-client", "jupyter_client");
        Backprop.Tests.SystemPackage.RequirePythonModule("jupyter-nbconvert", "nbconvert");
    }

    /// <summary>The environment that points Jupyter at the temporary kernelspec only.</summary>
    public static Dictionary<string, string> Environment(string jupyterData) => new()
    {
        ["JUPYTER_DATA_DIR"] = jupyterData,
        ["JUPYTER_PATH"] = jupyterData,
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(jupyterData, "runtime"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(jupyterData, "config"),
    };

    /// <summary>Every error output as "cell N: ename: evalue" followed by its traceback, for a readable failure.</summary>
    public static IReadOnlyList<string> Errors(JsonNode executed) =>
        Cells(executed)
            .SelectMany((cell, index) => Outputs(cell)
                .Where(o => (string?)o["output_type"] == "error")
                .Select(o => $"cell {index + 1}: {(string?)o["ename"]}: {(string?)o["evalue"]}\n"
                    + string.Join("\n", o["traceback"]!.AsArray().Select(l => (string?)l))))
            .ToList();

    /// <summary>The code cells in order.</summary>
    public static IReadOnlyList<JsonNode> CodeCells(JsonNode executed) =>
        Cells(executed).Where(c => (string?)c["cell_type"] == "code").ToList();

    /// <summary>All outputs of one cell.</summary>
    public static IReadOnlyList<JsonNode> Outputs(JsonNode cell) =>
        cell["outputs"]?.AsArray().Select(o => o!).ToList() ?? new List<JsonNode>();

    /// <summary>nbformat stores text as a string or a list of lines; this joins either.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        null => "",
        _ => (string?)node ?? "",
    };

    private static IEnumerable<JsonNode> Cells(JsonNode executed) => executed["cells"]!.AsArray().Select(c => c!);
}
