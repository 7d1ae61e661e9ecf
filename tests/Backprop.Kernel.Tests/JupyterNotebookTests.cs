using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Backprop.Kernel.Install;
using static Backprop.Kernel.Tests.JupyterExecution;

namespace Backprop.Kernel.Tests;

/// <summary>Real Jupyter (nbclient, nbconvert) starts the kernel from its kernelspec and runs a Polyglot-style notebook.</summary>
public sealed class JupyterNotebookTests
{
    private static readonly string Fixture = Path.Combine(RepositoryRoot(), "tests", "Backprop.Kernel.Tests", "Fixtures", "apple.ipynb");

    [SkippableFact]
    public void Nbclient_RunsTheNotebook_WithLibraryTimeDisplayAndLastValue()
    {
        var executed = ExecuteWithJupyter(Fixture);

        Assert.Empty(Errors(executed));
        var cells = CodeCells(executed);
        var price = Outputs(cells[2]);
        Assert.Contains(price, o => (string?)o["output_type"] == "display_data" && Text(o["data"]!["text/plain"]).StartsWith("Wall time:", StringComparison.Ordinal));
        Assert.Equal("price 220\n", Text(price.Single(o => (string?)o["output_type"] == "stream")["text"]));
        var gradients = Outputs(cells[3]);
        Assert.Contains("dApple", Text(gradients.Single(o => (string?)o["output_type"] == "display_data")["data"]!["text/html"]));
        var result = gradients.Single(o => (string?)o["output_type"] == "execute_result");
        Assert.Equal("2.2", Text(result["data"]!["text/plain"]));
        Assert.Equal(4, (int?)cells[3]["execution_count"]);
    }

    [SkippableFact]
    public void Nbclient_InjectsParameters()
    {
        var executed = ExecuteWithJupyter(Fixture, new Dictionary<string, string> { ["apple"] = "150" });

        Assert.Empty(Errors(executed));
        var price = CodeCells(executed).Select(c => Outputs(c)).First(o => o.Any(x => (string?)x["output_type"] == "stream"));
        Assert.Equal("price 330\n", Text(price.Single(o => (string?)o["output_type"] == "stream")["text"]));
    }

    [SkippableFact]
    public void Nbconvert_OpensPolyglotNotebookUnchanged_WhenInstalledAsDotNetCSharp()
    {
        // The notebook says kernelspec ".net-csharp" (Polyglot's name); nbconvert is given no kernel name.
        var work = Directory.CreateTempSubdirectory("backprop-nbconvert-").FullName;
        try
        {
            var data = Path.Combine(work, "jupyter");
            KernelSpecInstaller.Install(Path.Combine(data, "kernels"), ".net-csharp", force: false);
            var script = """
                import subprocess, sys
                sys.exit(subprocess.call(["/usr/bin/jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=120", "--ExecutePreprocessor.startup_timeout=120",
                    "--output-dir", sys.argv[2], "--output", "executed", sys.argv[1]]))
                """;
            Python.Run(script, new[] { Fixture, work }, JupyterExecution.Environment(data), timeoutSeconds: 600);

            var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "executed.ipynb")))!;
            Assert.Empty(Errors(executed));
            Assert.Equal("2.2", Text(Outputs(CodeCells(executed)[3]).Single(o => (string?)o["output_type"] == "execute_result")["data"]!["text/plain"]));
            Assert.Equal(".net-csharp", (string?)executed["metadata"]!["kernelspec"]!["name"]);
            Assert.Equal("C#", (string?)executed["metadata"]!["language_info"]!["name"]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Backprop.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Backprop.slnx not found above " + AppContext.BaseDirectory);
    }
}
