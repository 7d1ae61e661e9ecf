namespace Backprop.Lessons.Tests;

/// <summary>Lessons run one at a time: they share the process's console and current folder, and each wants both cores.</summary>
[CollectionDefinition(Name)]
public sealed class LessonsCollection
{
    public const string Name = "Lessons";
}
