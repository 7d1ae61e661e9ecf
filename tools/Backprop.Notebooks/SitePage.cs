using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>Where a lesson page sits in the course: the index, and the lessons before and after it (null at the ends).</summary>
public sealed record SitePage(string CourseTitle, string IndexHref, SiteLink? Previous, SiteLink? Next)
{
    /// <summary>The same lesson in the course's other editions (the language switch).</summary>
    public IReadOnlyList<LanguageLink> Twins { get; init; } = [];
}
