namespace Backprop.Notebooks;

/// <summary>The course site's own words: the index page's title and the line under it.</summary>
public sealed record SiteOptions
{
    public string Title { get; init; } = "Backpropagation in C#";

    public string Subtitle { get; init; } =
        "Chapter 5 of Deep Learning from Scratch (밑바닥부터 시작하는 딥러닝, 5장 오차역전파법), rebuilt for .NET: run each lesson cell by cell, change it, run it again.";
}
