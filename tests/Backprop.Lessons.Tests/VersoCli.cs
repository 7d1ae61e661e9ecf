using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Backprop.Lessons.Tests;

/// <summary>
/// Verso's command-line runner (DataficationSDK/Verso), built from its source by tools/verso/build-verso.sh.
/// The course does not depend on it: the tests that need it are skipped, saying how to build it, when it is absent.
/// </summary>
public static class VersoCli
{
    /// <summary>Verso.Cli.dll: $VERSO_CLI, else what build-verso.sh writes to artifacts/verso/.</summary>
    public static string? Path { get; } = Find();

    public static string? SkipReason => Path is null
        ? "Verso's CLI is not built here (Verso is not on the course's package feeds). To run these tests: get Verso's source "
            + "(github.com/DataficationSDK/Verso), run tools/verso/build-verso.sh <its folder>, or set VERSO_CLI to a built Verso.Cli.dll."
        : null;

    /// <summary>
    /// Runs a lesson the way a student's `verso run` does, from the notebook's folder (whose NuGet.Config names the
    /// course's package), with a fresh temp folder so Verso's package cache holds this build of the library.
    /// </summary>
    public static (int ExitCode, IReadOnlyList<VersoOutput> Outputs, string Log) Run(string notebook)
    {
        string temp = Directory.CreateTempSubdirectory("verso-lesson-").FullName;
        try
        {
            string json = System.IO.Path.Combine(temp, "outputs.json");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = System.IO.Path.GetDirectoryName(notebook)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { Path!, "run", notebook, "--output", "json", "--output-file", json, "--timeout", "900" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["TMPDIR"] = temp;
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string log = stdout + stderr.Result;
            Assert.True(File.Exists(json), $"verso run wrote no outputs for {notebook}:\n{log}");
            return (process.ExitCode, Parse(File.ReadAllText(json)), log);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static List<VersoOutput> Parse(string json) =>
        JsonNode.Parse(json)!["cells"]!.AsArray()
            .SelectMany(cell => (cell!["outputs"]?.AsArray() ?? []).Select(o => new VersoOutput(
                (int)cell["index"]!,
                (string)o!["mimeType"]!,
                (string?)o["content"] ?? string.Empty,
                (bool?)o["isError"] ?? false)))
            .ToList();

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("VERSO_CLI");
        string candidate = string.IsNullOrEmpty(configured)
            ? System.IO.Path.Combine(LessonRun.RepositoryRoot, "artifacts", "verso", "Verso.Cli.dll")
            : configured;
        return File.Exists(candidate) ? candidate : null;
    }
}
