using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Backprop.Exercises.Tests;

public sealed class GradeCommandTests
{
    private const string Lesson = "02-activation-layers";

    [Fact]
    public void Grade_ScoresEachSubmissionAlone_WhateverItDoes()
    {
        var scratch = Cli.NewScratch();
        Assert.Equal(0, Cli.Run(scratch, "release", Path.Combine(Cli.Lessons, Lesson + ".ipynb"), "-o", "student").Exit);
        var kit = JsonNode.Parse(File.ReadAllText(Path.Combine(Cli.Lessons, Lesson + ".ipynb")))!;
        string relu = Source(kit, "ex-l02-relu"), sigmoid = Source(kit, "ex-l02-sigmoid");
        Submit(scratch, "correct", relu, sigmoid);
        Submit(scratch, "partly", relu.Replace("if (mask![i, j]) dx[i, j] = 0;", "if (!mask![i, j]) dx[i, j] = 0;", StringComparison.Ordinal), null);
        Submit(scratch, "loops", relu.Replace("return dx;", "while (true) { }", StringComparison.Ordinal), sigmoid);
        Submit(scratch, "exits", relu.Replace("mask = new bool", "Environment.Exit(3);\n        mask = new bool", StringComparison.Ordinal), sigmoid);
        Submit(scratch, "typo", relu.Replace("return output;", "return output", StringComparison.Ordinal), sigmoid);

        var (exit, stdout, stderr) = Cli.Run(scratch, "grade", "submissions", "-o", "report", "--kit", Cli.Lessons, "--timeout", "10");

        Assert.True(exit == 0, stderr);
        var rows = File.ReadAllLines(Path.Combine(scratch, "report", "grades.csv")).Skip(1).ToList();
        string Row(string student, string exercise) => rows.Single(r => r.StartsWith($"{student},{Lesson},{exercise},", StringComparison.Ordinal));
        Assert.Matches(@"correct\s+10 / 10", stdout);
        Assert.StartsWith($"partly,{Lesson},Relu,2,3,failed,", Row("partly", "Relu"));
        Assert.Contains("the mask is inverted", Row("partly", "Relu"));
        Assert.StartsWith($"partly,{Lesson},Sigmoid,0,3,not-done,", Row("partly", "Sigmoid"));
        Assert.Contains("does a loop in it never end", Row("loops", "Relu"));
        Assert.StartsWith($"loops,{Lesson},Sigmoid,3,3,passed", Row("loops", "Sigmoid"));
        Assert.Contains("Environment.Exit", Row("exits", "Relu"));
        Assert.Matches(@"exits\s+0 / 10", stdout);
        Assert.Contains("error CS1002: ; expected", Row("typo", "Relu"));
        Assert.StartsWith($"typo,{Lesson},Sigmoid,3,3,passed", Row("typo", "Sigmoid"));
        Assert.StartsWith($"typo,{Lesson},\"Sigmoid, reused\",2,2,passed", Row("typo", "\"Sigmoid, reused\""));
        Assert.True(File.Exists(Path.Combine(scratch, "report", "partly", Lesson + ".ipynb")));
        Assert.Contains("the mask is inverted", File.ReadAllText(Path.Combine(scratch, "report", "grades.html")));
    }

    private static string Source(JsonNode notebook, string id) =>
        string.Concat(notebook["cells"]!.AsArray().Single(c => (string?)c!["id"] == id)!["source"]!.AsArray().Select(l => (string?)l));

    // The student edition with the given exercise cells filled in (null leaves the stub).
    private static void Submit(string scratch, string student, string relu, string? sigmoid)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(scratch, "student", Lesson + ".ipynb")))!;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            string? code = (string?)cell!["id"] switch { "ex-l02-relu" => relu, "ex-l02-sigmoid" => sigmoid, _ => null };
            if (code is not null)
            {
                cell["source"] = code;
            }
        }

        Directory.CreateDirectory(Path.Combine(scratch, "submissions"));
        File.WriteAllText(Path.Combine(scratch, "submissions", $"{student}-{Lesson}.ipynb"), notebook.ToJsonString());
    }
}
