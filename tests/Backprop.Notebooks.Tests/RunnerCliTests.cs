using System;
using System.IO;
using System.Linq;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>backprop-run as a user runs it: a separate process, exit codes, stdout summary, stderr messages.</summary>
public sealed class RunnerCliTests
{
    [SkippableFact]
    public void RunFolder_WritesNotebooksPagesAndIndex_AndFailsWhenACellFails()
    {
        var scratch = NewScratch();
        var src = Path.Combine(scratch, "notebooks");
        Directory.CreateDirectory(src);
        File.Copy(Path.Combine(Fixtures, "errors.dib"), Path.Combine(src, "b-errors.dib"));
        File.Copy(Path.Combine(Fixtures, "params.ipynb"), Path.Combine(src, "a-params.ipynb"));
        var before = Directory.GetFiles(src).ToDictionary(f => f, File.ReadAllText);

        var (exit, stdout, stderr) = RunCli(scratch, "run", "notebooks", "-o", "out", "-p", "iterations=7", "--timeout", "60");

        Assert.Equal(1, exit);
        Assert.EndsWith("1 passed, 1 failed", stdout.TrimEnd());
        Assert.Matches(@"a-params\.ipynb\s+3\s+3\s+0\s+[\d.]+\s+ok", stdout);
        Assert.Contains("[1/2] a-params.ipynb", stderr);
        Assert.Contains("error CS0103: The name 'undefinedName' does not exist in the current context (b-errors.dib line 8)", stderr);
        Assert.DoesNotContain("   at Backprop.", stderr);
        var outDir = Path.Combine(scratch, "out");
        Assert.Equal(
            ["a-params.html", "a-params.ipynb", "b-errors.html", "b-errors.ipynb", "index.html"],
            Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        AssertValidNbformat(Path.Combine(outDir, "a-params.ipynb"));
        AssertValidNbformat(Path.Combine(outDir, "b-errors.ipynb"));
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllText(kv.Key)));
        Assert.Equal(2, Directory.GetFiles(src).Length);
    }

    [SkippableTheory]
    [InlineData("bad.ipynb", "{ \"cells\": [ oops ] }", "bad.ipynb(1): invalid JSON")]
    [InlineData("lang.ipynb", "{\"cells\":[{\"cell_type\":\"code\",\"metadata\":{\"polyglot_notebook\":{\"kernelName\":\"pwsh\"}},\"outputs\":[],\"source\":\"ls\"}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}", "the 'pwsh' language is not supported")]
    [InlineData("empty.dib", "", "empty.dib: the file is empty")]
    [InlineData("meta.dib", "#!meta\n{\"kernelInfo\": [\n#!csharp\n1\n", "meta.dib(2): #!meta is not valid JSON")]
    public void MalformedInput_IsAClearErrorWithoutStackTrace(string name, string content, string expected)
    {
        var scratch = NewScratch();
        var path = WriteNotebook(scratch, name, content);
        var (exit, stdout, stderr) = RunCli(scratch, "run", name, "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr.Replace("   at cell", string.Empty));
        Assert.EndsWith("0 passed, 1 failed", stdout.TrimEnd());
        Assert.Equal(content, File.ReadAllText(path));
    }

    [SkippableFact]
    public void CellThatCrashesTheProcess_FailsItsCell_AndKeepsEarlierOutputs()
    {
        var scratch = NewScratch();
        WriteNotebook(scratch, "crash.dib", "#!csharp\nConsole.WriteLine(\"kept\");\n\n#!csharp\nint Deep(int n) => Deep(n + 1) + 1;\nDeep(0)\n\n#!csharp\n1\n");
        var (exit, stdout, stderr) = RunCli(scratch, "run", "crash.dib", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains("cell 2 (line 5): the notebook process crashed with a stack overflow while running this cell", stderr);
        Assert.DoesNotContain("Repeated", stderr);
        Assert.EndsWith("0 passed, 1 failed", stdout.TrimEnd());
        var executed = Path.Combine(scratch, "out", "crash.ipynb");
        AssertValidNbformat(executed);
        var doc = IpynbReader.Parse(File.ReadAllText(executed), executed, includeOutputs: true);
        Assert.Equal("kept\n", doc.Cells[0].Outputs.Single().Text);
        Assert.Equal("ProcessExited", doc.Cells[1].Outputs.Single().ErrorName);
        Assert.Null(doc.Cells[2].ExecutionCount);
    }

    [SkippableFact]
    public void OutputFolderEqualToTheSources_IsRefused()
    {
        var scratch = NewScratch();
        CopyFixture("params.ipynb", scratch);
        var (exit, _, stderr) = RunCli(scratch, "run", ".", "-o", ".");
        Assert.Equal(2, exit);
        Assert.Contains("is the notebooks' own folder", stderr);
    }

    [SkippableFact]
    public void UnknownOption_AndMissingFile_AreUsageErrors()
    {
        var scratch = NewScratch();
        var (exit, _, stderr) = RunCli(scratch, "run", "nope.dib");
        Assert.Equal((2, true), (exit, stderr.Contains("nope.dib: no such file or folder")));
        (exit, _, stderr) = RunCli(scratch, "run", "x.dib", "--fast");
        Assert.Equal((2, true), (exit, stderr.Contains("unknown option '--fast'")));
    }

    [SkippableFact]
    public void RunFolder_WithAKoreanSubfolder_PublishesBothEditions_LinkedToEachOther_AndIgnoresOtherSubfolders()
    {
        var scratch = NewScratch();
        string Lesson(string title, string book) => $"#!markdown\n\n# {title}\n\n{book}\n\nOne paragraph.\n\n#!csharp\n\nConsole.WriteLine(6 * 7);\n";
        foreach (var folder in new[] { "ko", "old-output" })
        {
            Directory.CreateDirectory(Path.Combine(scratch, "notebooks", folder));
        }

        WriteNotebook(Path.Combine(scratch, "notebooks"), "a.dib", Lesson("Lesson 1 · Apples", "*Deep Learning from Scratch* §5.1–§5.4"));
        WriteNotebook(Path.Combine(scratch, "notebooks"), "b.dib", Lesson("Lesson 2 · Only in English", "*Deep Learning from Scratch* §5.5"));
        WriteNotebook(Path.Combine(scratch, "notebooks", "ko"), "a.dib", Lesson("1강 · 사과", "*밑바닥부터 시작하는 딥러닝* 5장 오차역전파법, §5.1–§5.4"));
        WriteNotebook(Path.Combine(scratch, "notebooks", "old-output"), "c.dib", Lesson("Not a lesson", ""));

        var (exit, stdout, stderr) = RunCli(scratch, "run", "notebooks", "-o", "site");

        Assert.True(exit == 0, stderr);
        Assert.Contains("[3/3] ko/a.dib", stderr);
        Assert.Matches(@"ko/a\.dib\s+1\s+1\s+0", stdout);
        Assert.EndsWith("3 passed, 0 failed", stdout.TrimEnd());
        var site = Path.Combine(scratch, "site");
        Assert.Equal(["a.html", "a.ipynb", "b.html", "b.ipynb", "index.html", "ko/a.html", "ko/a.ipynb", "ko/index.html"],
            Directory.GetFiles(site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site, f)).Order(StringComparer.Ordinal));
        string Page(string name) => File.ReadAllText(Path.Combine(site, name));
        Assert.Contains("<a href=\"ko/a.html\" hreflang=\"ko\" lang=\"ko\">한국어</a>", Page("a.html"));
        Assert.DoesNotContain("class=\"languages\"", Page("b.html"));
        Assert.Contains("<a href=\"ko/index.html\" hreflang=\"ko\" lang=\"ko\">한국어</a>", Page("index.html"));
        var korean = Page("ko/a.html");
        Assert.Contains("<html lang=\"ko\">", korean);
        Assert.Contains("<a href=\"../a.html\" hreflang=\"en\" lang=\"en\">English</a>", korean);
        Assert.Contains("실행 완료: 코드 셀 1개 중 1개 통과", korean);
        var index = Page("ko/index.html");
        Assert.Contains("<html lang=\"ko\">", index);
        Assert.Contains("<h1>C#으로 배우는 오차역전파법</h1>", index);
        Assert.Contains("<a href=\"a.html\">1강 &#183; 사과</a>", index);
        Assert.Contains("<div class=\"sections\">밑바닥부터 시작하는 딥러닝 &#167;5.1–&#167;5.4</div><p>One paragraph.</p>", index);
        Assert.Contains("<a href=\"../index.html\" hreflang=\"en\" lang=\"en\">English</a>", index);
    }
}
