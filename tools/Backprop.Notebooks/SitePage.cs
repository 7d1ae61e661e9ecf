namespace Backprop.Notebooks;

/// <summary>Where a lesson page sits in the course: the index, and the lessons before and after it (null at the ends).</summary>
public sealed record SitePage(string CourseTitle, string IndexHref, SiteLink? Previous, SiteLink? Next);
