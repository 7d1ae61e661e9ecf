namespace Backprop.Notebooks;

/// <summary>The language switch's link to the same page in another edition of the course.</summary>
public sealed record LanguageLink(PageText Text, string Href);
