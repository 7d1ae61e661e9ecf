using System.Collections.Generic;
using System.Linq;
using Backprop.Notebooks;

namespace Backprop.Lessons.Tests;

/// <summary>
/// What keeps a lesson's Korean twin in step with it (issue 21): the same code cells (comments and string text aside),
/// the same computed numbers in every cell, every Korean character drawn by the pages' own font; and, like every
/// lesson, it runs to the end, valid nbformat, and its page passes the browser check.
/// </summary>
public abstract class EditionFacts<TLesson>(KoreanFixture<TLesson> editions) : LessonFacts(editions.Korean)
    where TLesson : ILesson
{
    [SkippableFact]
    public void CodeCells_AreTheEnglishTwinsCode_WithTheSameIdsAndTags()
    {
        var english = NotebookDocument.Read(editions.English.Document.Path).Cells.Where(c => c.Kind == CellKind.Code).ToList();
        var korean = NotebookDocument.Read(KoreanFixture<TLesson>.KoreanPath).Cells.Where(c => c.Kind == CellKind.Code).ToList();
        Assert.True(english.Count == korean.Count, $"ko/{TLesson.Notebook} has {korean.Count} code cells, {TLesson.Notebook} has {english.Count}.");
        var differences = new List<string>();
        for (int i = 0; i < english.Count; i++)
        {
            var (en, ko) = (english[i], korean[i]);
            var where = $"{TLesson.Notebook}, code cell {i + 1}";
            if (en.Id != ko.Id || !en.Tags.SequenceEqual(ko.Tags))
            {
                differences.Add($"{where}: id '{ko.Id}' tags [{string.Join(", ", ko.Tags)}] in Korean, id '{en.Id}' tags [{string.Join(", ", en.Tags)}] in English");
            }

            if (CellCode.FirstDifference(en.Source, ko.Source) is { } difference)
            {
                differences.Add($"{where} differs beyond comments and string text:\n  {difference}");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [SkippableFact]
    public void EveryCodeCell_ShowsTheEnglishTwinsNumbers_TimingsAside()
    {
        var english = Code(editions.English.Document);
        var korean = Code(editions.Korean.Document);
        Assert.Equal(english.Count, korean.Count);
        var (enClock, koClock) = (ClockValues.Names(english.Select(c => c.Source)), ClockValues.Names(korean.Select(c => c.Source)));
        var differences = english.Zip(korean)
            .Select((p, i) => (Number: i + 1, Difference: OutputNumbers.Difference(OutputNumbers.Of(p.First, enClock), OutputNumbers.Of(p.Second, koClock))))
            .Where(p => p.Difference is not null)
            .Select(p => $"{TLesson.Notebook}, code cell {p.Number}: {p.Difference}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [SkippableFact]
    public void EveryKoreanCharacter_IsInThePagesEmbeddedFont()
    {
        var document = editions.Korean.Document;
        var text = document.Cells.Select(c => c.Source).Concat(document.Cells.SelectMany(c => c.Outputs).Select(OutputNumbers.Visible));
        var missing = KoreanFont.Missing(string.Concat(text));
        Assert.True(missing.Length == 0, $"ko/{TLesson.Notebook} uses Hangul the embedded font lacks: {missing} (regenerate the subset: tools/Backprop.Notebooks/Assets/fonts/README.md)");
    }

    // Numbered as the source's code cells, without the cell the tests' -p parameters inject.
    private static List<NotebookCell> Code(NotebookDocument document) =>
        document.Cells.Where(c => c.Kind == CellKind.Code && !c.HasTag(ParameterInjector.InjectedTag)).ToList();
}
