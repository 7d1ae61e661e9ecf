using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Backprop.Display.Texts;
using Backprop.Tests;

namespace Backprop.Lib.Tests;

/// <summary>Every fixed text of the library's tables has both languages, with the same placeholders in each.</summary>
public sealed class TextTablesTests
{
    public static TheoryData<string> Keys => new(All().Select(p => p.Key));

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryText_HasEnglishAndKorean_WithTheSamePlaceholders(string key)
    {
        Phrase phrase = All().Single(p => p.Key == key).Phrase;

        Assert.False(string.IsNullOrWhiteSpace(phrase.English), key);
        Assert.True(UiCulture.HasHangul(phrase.Korean), $"{key}: \"{phrase.Korean}\" is not Korean");
        Assert.False(UiCulture.HasHangul(phrase.English), $"{key}: \"{phrase.English}\" is not English");
        Assert.Equal(Placeholders(phrase.English), Placeholders(phrase.Korean));
    }

    [Fact]
    public void TheTables_AreFound()
    {
        // The reflection below reads every table of lib/Display/Texts; a table it missed would go unchecked.
        var tables = All().Select(p => p.Key.Split('.')[0]).Distinct().ToList();
        Assert.Equal(["ChartTexts", "CheckTexts", "DisplayTexts", "MatrixStepperTexts", "StepperTexts"], tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void APhrase_IsReadInTheCultureOfTheMoment()
    {
        Phrase next = StepperTexts.All["next"];

        Assert.Equal("다음 ▶", UiCulture.Run("ko", next.ToString));
        Assert.Equal("다음 ▶", UiCulture.Run("ko-KR", next.ToString));
        Assert.Equal("next ▶", UiCulture.Run("en", next.ToString));
        Assert.Equal("next ▶", UiCulture.Run("de", next.ToString));
    }

    private static IEnumerable<(string Key, Phrase Phrase)> All()
    {
        var tables = typeof(Phrase).Assembly.GetTypes().Where(t => t.Namespace == typeof(Phrase).Namespace && t.IsAbstract && t.IsSealed);
        foreach (var table in tables)
        {
            foreach (var field in table.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.GetValue(null) is Phrase phrase)
                {
                    yield return ($"{table.Name}.{field.Name}", phrase);
                }
                else if (field.GetValue(null) is IReadOnlyDictionary<string, Phrase> entries)
                {
                    foreach (var (key, value) in entries)
                    {
                        yield return ($"{table.Name}.{field.Name}[{key}]", value);
                    }
                }
            }
        }
    }

    private static List<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{[A-Za-z]+\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToList();
}
