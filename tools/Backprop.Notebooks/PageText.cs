using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Backprop.Notebooks;

/// <summary>
/// The words the published pages add around a lesson (contents, run status, course index), in the lesson's own
/// language. A lesson's language is its folder's name when that is a language tag with page text ("ko" for
/// notebooks/ko/), English otherwise.
/// </summary>
public sealed record PageText
{
    public static readonly PageText English = new()
    {
        Tag = "en",
        Name = "English",
        Contents = "In this lesson",
        CourseTitle = "Backpropagation in C#",
        CourseSubtitle = "Chapter 5 of Deep Learning from Scratch (밑바닥부터 시작하는 딥러닝, 5장 오차역전파법), rebuilt for .NET: run each lesson cell by cell, change it, run it again.",
        BookTitle = "Deep Learning from Scratch",
        WholeChapter = "chapter 5",
        NotClean = "This page's notebook did not run cleanly: ",
        Ran = "ran: {0} of {1} code cells in {2} s",
        Failed = "failed: {0} of {1} code cells in {2} s",
        CouldNotRun = "could not run",
        Stopped = StopMarker.Message,
        Switch = "Language",
        YourCode = "TODO: your code",
    };

    public static readonly PageText Korean = new()
    {
        Tag = "ko",
        Name = "한국어",
        Contents = "이 강의에서 배울 내용",
        CourseTitle = "C#으로 배우는 오차역전파법",
        CourseSubtitle = "밑바닥부터 시작하는 딥러닝 5장 오차역전파법을 .NET으로 다시 만들었습니다. 강의마다 셀을 하나씩 실행하고, 코드를 바꾸고, 다시 실행해 보세요.",
        BookTitle = "밑바닥부터 시작하는 딥러닝",
        WholeChapter = "5장",
        NotClean = "이 페이지의 노트북은 깔끔하게 실행되지 않았습니다: ",
        Ran = "실행 완료: 코드 셀 {1}개 중 {0}개 통과, {2}초",
        Failed = "실패: 코드 셀 {1}개 중 {0}개 통과, {2}초",
        CouldNotRun = "실행하지 못함",
        Stopped = "여기서 멈춤: 이 셀을 실행하는 도중 실행이 중단되었습니다. 아래 셀은 실행되지 않았습니다.",
        Switch = "언어",
        YourCode = "TODO: 여기에 코드를 작성하세요",
    };

    /// <summary>Every language the pages can be written in, English first.</summary>
    public static IReadOnlyList<PageText> All { get; } = [English, Korean];

    /// <summary>The BCP 47 language tag, for lang= and for the edition's folder name.</summary>
    public required string Tag { get; init; }

    /// <summary>The language's name in itself, the language switch's label.</summary>
    public required string Name { get; init; }

    public required string Contents { get; init; }

    /// <summary>The comment the student edition leaves where a solution was (the release command's stubs).</summary>
    public required string YourCode { get; init; }

    public required string CourseTitle { get; init; }

    public required string CourseSubtitle { get; init; }

    /// <summary>The book's title as the lessons' first cell names it (the index shows it before the sections).</summary>
    public required string BookTitle { get; init; }

    public required string WholeChapter { get; init; }

    public required string NotClean { get; init; }

    public required string Ran { get; init; }

    public required string Failed { get; init; }

    public required string CouldNotRun { get; init; }

    /// <summary>The error a stopped run leaves in the cell it stopped at.</summary>
    public required string Stopped { get; init; }

    public required string Switch { get; init; }

    /// <summary>The page text for a language tag, or null when the pages have none for it.</summary>
    public static PageText? ForTag(string tag) => All.FirstOrDefault(t => string.Equals(t.Tag, tag, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language of the notebook at <paramref name="path"/>: its folder's name if that is a language, else English.</summary>
    public static PageText Of(string path) => ForTag(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? string.Empty) ?? English;

    /// <summary>The discreet run status under a page and beside each lesson in the index.</summary>
    public string Status(NotebookRunResult result) => result.LoadError is not null
        ? CouldNotRun
        : string.Format(CultureInfo.InvariantCulture, result.Succeeded ? Ran : Failed, result.PassedCount, result.Cells.Count, result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
}
