using System.IO;
using System.Linq;
using Backprop.Notebooks;

namespace Backprop.Lessons.Tests;

/// <summary>The Korean edition as a whole: a twin for every lesson, and page words its font can draw.</summary>
public sealed class EditionTwinsTests
{
    private static readonly string Notebooks = Path.Combine(LessonRun.RepositoryRoot, "notebooks");

    [Fact]
    public void EveryEnglishLesson_HasAKoreanTwin_AndEveryKoreanLessonAnEnglishOne()
    {
        var english = Directory.GetFiles(Notebooks, "*.ipynb").Select(Path.GetFileName).Order().ToList();
        var korean = Directory.Exists(Path.Combine(Notebooks, "ko"))
            ? Directory.GetFiles(Path.Combine(Notebooks, "ko"), "*.ipynb").Select(Path.GetFileName).Order().ToList()
            : [];

        Assert.True(english.Count == 6, $"notebooks/ holds {english.Count} lessons");
        Assert.True(english.SequenceEqual(korean), $"English lessons without a Korean twin in notebooks/ko/: [{string.Join(", ", english.Except(korean))}]; "
            + $"Korean lessons without an English one: [{string.Join(", ", korean.Except(english))}]");
    }

    [Fact]
    public void KoreanPageWords_AreDrawnByTheEmbeddedFont()
    {
        var t = PageText.Korean;
        var words = string.Concat(t.Name, t.Contents, t.CourseTitle, t.CourseSubtitle, t.BookTitle, t.WholeChapter, t.NotClean, t.Ran, t.Failed, t.CouldNotRun, t.Stopped, t.Switch);

        Assert.Equal(string.Empty, KoreanFont.Missing(words));
    }

    [Fact]
    public void EmbeddedFont_HoldsTheKsX1001Syllables_AndNoOthers()
    {
        var syllables = KoreanFont.Characters.Where(c => c is >= 0xAC00 and <= 0xD7A3).ToList();

        Assert.Equal(2350, syllables.Count);
        Assert.Contains('가', syllables);
        Assert.Contains('힝', syllables);
        // 똠 is the best-known syllable KS X 1001 lacks.
        Assert.Equal("똠", KoreanFont.Missing("가똠힝"));
    }
}
