namespace Backprop.Notebooks;

/// <summary>A link to a lesson page, labelled with the lesson's title.</summary>
public sealed record SiteLink(string Title, string Href);
