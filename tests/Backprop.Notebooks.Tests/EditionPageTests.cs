using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>A lesson of the Korean edition (a notebook in a ko/ folder) gets Korean page words, title and stop marker.</summary>
public sealed class EditionPageTests
{
    private static NotebookDocument KoreanLesson()
    {
        var document = new NotebookDocument("/course/ko/01-graph.ipynb", NotebookFormat.Ipynb);
        document.Cells.Add(new NotebookCell(CellKind.Markdown, "markdown",
            "# 1강 · 계산 그래프\n\n*밑바닥부터 시작하는 딥러닝* 5장 오차역전파법, §5.1–§5.4\n\n**계산 그래프**로 풉니다.")
        { Number = 1 });
        document.Cells.Add(new NotebookCell(CellKind.Markdown, "markdown", "## 5.1 계산 그래프\n\n## 5.2 연쇄법칙") { Number = 2 });
        return document;
    }

    [Fact]
    public void LessonInfo_ReadsTheKoreanTitleCell()
    {
        var document = KoreanLesson();

        Assert.Equal(new LessonInfo("1강 · 계산 그래프", "§5.1–§5.4", "<strong>계산 그래프</strong>로 풉니다."), LessonInfo.From(document, document.Path));
    }

    [Fact]
    public void KoreanLessonPage_IsKorean_InItsLanguageTagContentsAndStatus()
    {
        var html = HtmlPublisher.Render(new NotebookRunResult("/course/ko/01-graph.ipynb", KoreanLesson(), [], TimeSpan.FromSeconds(2.5), null));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"ko\">", html);
        Assert.Contains("<div class=\"toc-title\">이 강의에서 배울 내용</div>", html);
        Assert.Contains("<div class=\"run-status\">실행 완료: 코드 셀 0개 중 0개 통과, 2.5초</div>", html);
        Assert.DoesNotContain("class=\"languages\"", html);
    }

    [SkippableFact]
    public async Task StoppedKoreanLesson_SaysWhereItStopped_InKorean()
    {
        var folder = Path.Combine(NewScratch(), "ko");
        Directory.CreateDirectory(folder);
        var path = WriteNotebook(folder, "a.dib", "#!csharp\n\nwhile (true) { }\n");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        var result = await NotebookRunner.RunAsync(path, new RunOptions(), stop.Token);

        var marker = result.Document!.Cells.Single().Outputs.Last();
        Assert.Equal((StopMarker.ErrorName, PageText.Korean.Stopped), (marker.ErrorName, marker.ErrorValue));
    }
}
