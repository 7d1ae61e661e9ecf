using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// A three-lesson course run once by the engine and published as a site: headings for the contents, a long code
/// line, a wide chart, a wide graph and a formula, so the pages can be checked in a browser on screen and in print.
/// </summary>
public sealed class CourseSiteFixture : IAsyncLifetime
{
    public static readonly string[] Titles = ["Lesson 1 · Charts and graphs", "Lesson 2 · Formulas", "Lesson 3 · The end"];

    public string Folder { get; } = NewScratch();

    public List<(NotebookRunResult Result, string HtmlFile)> Pages { get; } = new();

    public string Page(int lesson) => Path.Combine(Folder, "site", Pages[lesson - 1].HtmlFile);

    public async Task InitializeAsync()
    {
        var lib = Path.Combine(RepoRoot, "artifacts", "lib", "Backprop.Lib.dll");
        Assert.True(File.Exists(lib), $"{lib} is built by the runner project (Backprop.Lib reference).");
        var notebooks = Path.Combine(Folder, "notebooks");
        Directory.CreateDirectory(notebooks);
        var setup = $"#!csharp\n\n#r \"nuget: MathNet.Numerics, 5.0.0\"\n#r \"{lib}\"\nusing Backprop;\n\n";
        string Lesson(int n, string sections, string rest) =>
            $"#!markdown\n\n# {Titles[n - 1]}\n\n*Deep Learning from Scratch* {sections}\n\nWhat lesson {n} is about, in one paragraph.\n\n{setup}{rest}";
        var wideGraph = "var g = new ComputationalGraph();\nvar v = g.Input(\"x\", 1.0);\n"
            + "for (int i = 0; i < 14; i++) { v = g.Mul(v, g.Input($\"w{i}\", 1.01)); }\ng.Backward(v);\ng";
        WriteNotebook(notebooks, "01-charts.dib", Lesson(1, "§5.1–§5.2",
            "#!markdown\n\n## Charts\n\nA chart wider than the page:\n\n#!csharp\n\n"
            + "Chart.Line(new[] { 0.0, 1, 2 }, new[] { 0.0, 1, 4 }, \"y\").And(Chart.Line(new[] { 0.0, 1, 2 }, new[] { 0.0, 2, 4 }, \"2x\"))\n"
            + "    .WithTitle(\"A title long enough to reach the place where plotly keeps its toolbar\").WithAxisTitles(\"x\", \"y\").WithSize(1100, 400)\n\n"
            + "#!markdown\n\n## Graphs\n\n#!csharp\n\n" + wideGraph + "\n\n#!csharp\n\n"
            + $"var line = \"{new string('x', 40)} \" + string.Join(\" + \", Enumerable.Range(0, 60).Select(i => $\"term{{i}}\")); Console.WriteLine(line + line.Replace(\" \", \"\"));\n"
            + "display(Chart.Bars(new[] { \"a\", \"b\" }, (\"y\", new[] { 0.5, -0.25 })));\n"));
        WriteNotebook(notebooks, "02-formulas.dib", Lesson(2, "§5.5",
            "#!markdown\n\n## Sigmoid\n\n$$\n\\frac{\\partial y}{\\partial x} = y(1-y)\n$$\n\n## More\n\nText.\n"));
        WriteNotebook(notebooks, "03-end.dib", Lesson(3, "§5.7.4", "#!csharp\n\nConsole.WriteLine(\"done\");\n"));

        var site = Path.Combine(Folder, "site");
        Directory.CreateDirectory(site);
        foreach (var path in Directory.GetFiles(notebooks).Order(StringComparer.Ordinal))
        {
            var result = await NotebookRunner.RunAsync(path, new RunOptions { NuGetSources = OfflineSources });
            Assert.True(result.Succeeded, string.Join("\n", result.Failures));
            PlotlyOnce.IncludeIn(result.Document!);
            IpynbWriter.Write(result.Document!, Path.Combine(site, Path.GetFileNameWithoutExtension(path) + ".ipynb"));
            Pages.Add((result, Path.GetFileNameWithoutExtension(path) + ".html"));
        }

        HtmlPublisher.PublishSite(Pages, site);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
