using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>The course site's own words (the index page's title and the line under it) and its other editions.</summary>
public sealed record SiteOptions
{
    /// <summary>The language of the pages' own words; the lessons are written in it.</summary>
    public PageText Text { get; init; } = PageText.English;

    public string? Title { get; init; }

    public string? Subtitle { get; init; }

    /// <summary>The same course in other languages, for the language switch on every page.</summary>
    public IReadOnlyList<Edition> Editions { get; init; } = [];

    public string CourseTitle => Title ?? Text.CourseTitle;

    public string CourseSubtitle => Subtitle ?? Text.CourseSubtitle;
}
