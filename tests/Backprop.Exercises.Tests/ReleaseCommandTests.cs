using System;
using System.IO;
using System.Linq;
using Backprop.Notebooks;

namespace Backprop.Exercises.Tests;

public sealed class ReleaseCommandTests
{
    [Fact]
    public void Release_StubsEverySolution_AndDropsHiddenTests_LeavingTheSourcesAlone()
    {
        var scratch = Cli.NewScratch();
        var before = Directory.GetFiles(Cli.Lessons).ToDictionary(f => f, File.ReadAllText);
        var (exit, stdout, stderr) = Cli.Run(scratch, "release", Cli.Lessons, "-o", "student");
        Assert.True(exit == 0, stderr);
        Assert.Contains("02-activation-layers.ipynb: 2 exercises stubbed", stdout);
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllText(kv.Key)));

        foreach (var lesson in Directory.GetFiles(Cli.Lessons, "*.ipynb"))
        {
            var teacher = NotebookDocument.Read(lesson);
            var student = NotebookDocument.Read(Path.Combine(scratch, "student", Path.GetFileName(lesson)));
            var solutions = teacher.Cells.Where(c => c.HasTag("solution")).ToList();
            Assert.NotEmpty(solutions);
            foreach (var solution in solutions)
            {
                var stub = student.Cells.Single(c => c.Id == solution.Id).Source;
                Assert.DoesNotContain("SOLUTION", stub);
                Assert.Contains("TODO", stub);
            }

            Assert.DoesNotContain(student.Cells, c => c.HasTag("hidden-test"));
            Assert.Equal(teacher.Cells.Count(c => !c.HasTag("hidden-test")), student.Cells.Count);
        }
    }

    [Fact]
    public void Release_IntoTheSourceFolder_IsRefused()
    {
        var (exit, _, stderr) = Cli.Run(Cli.RepositoryRoot, "release", "notebooks", "-o", "notebooks");
        Assert.Equal(2, exit);
        Assert.Contains("holds the sources", stderr);
    }

    [Fact]
    public void Release_ABrokenSolutionRegion_NamesTheCellAndLine_AndWritesNothing()
    {
        var scratch = Cli.NewScratch();
        var kit = NotebookDocument.Read(Path.Combine(Cli.Lessons, "04-softmax-with-loss.ipynb"));
        var cell = kit.Cells.First(c => c.HasTag("solution"));
        cell.Source = cell.Source.Replace("        // END SOLUTION\n    }\n}", "    }\n}", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(scratch, "kit"));
        IpynbWriter.Write(kit, Path.Combine(scratch, "kit", "04-softmax-with-loss.ipynb"));
        var (exit, _, stderr) = Cli.Run(scratch, "release", "kit", "-o", "student");
        Assert.Equal(2, exit);
        Assert.Matches(@"04-softmax-with-loss\.ipynb cell \d+, line \d+: // BEGIN SOLUTION", stderr);
        Assert.False(Directory.Exists(Path.Combine(scratch, "student")));
    }

    [Fact]
    public void Release_AKitWithAKoreanEdition_MirrorsItsFolders_AndStampsEachLanguage()
    {
        var scratch = Cli.NewScratch();
        var lesson = Path.Combine(Cli.Lessons, "01-computational-graph.ipynb");
        Directory.CreateDirectory(Path.Combine(scratch, "kit", "ko"));
        Directory.CreateDirectory(Path.Combine(scratch, "kit", "scratch"));
        File.Copy(lesson, Path.Combine(scratch, "kit", "01-computational-graph.ipynb"));
        File.Copy(lesson, Path.Combine(scratch, "kit", "ko", "01-computational-graph.ipynb"));
        File.Copy(lesson, Path.Combine(scratch, "kit", "scratch", "02-copy.ipynb"));

        var (exit, stdout, stderr) = Cli.Run(scratch, "release", "kit", "-o", "student");

        Assert.True(exit == 0, stderr);
        Assert.Contains("ko/01-computational-graph.ipynb: 3 exercises stubbed", stdout);
        Assert.Equal(["01-computational-graph.ipynb", "ko/01-computational-graph.ipynb"],
            Directory.GetFiles(Path.Combine(scratch, "student"), "*.ipynb", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(scratch, "student"), f)).Order(StringComparer.Ordinal));
        string Language(string path) => NotebookDocument.Read(Path.Combine(scratch, "student", path)).Metadata["backprop"]!["language"]!.GetValue<string>();
        Assert.Equal(("en", "ko"), (Language("01-computational-graph.ipynb"), Language("ko/01-computational-graph.ipynb")));
        // The stubs speak the edition's language too.
        string FirstStub(string path) => NotebookDocument.Read(Path.Combine(scratch, "student", path)).Cells.First(c => c.HasTag("solution")).Source;
        Assert.Contains("// TODO: your code", FirstStub("01-computational-graph.ipynb"));
        Assert.Contains("// TODO: 여기에 코드를 작성하세요", FirstStub("ko/01-computational-graph.ipynb"));
    }
}
