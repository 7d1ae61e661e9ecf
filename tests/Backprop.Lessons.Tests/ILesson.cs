using System.Collections.Generic;

namespace Backprop.Lessons.Tests;

/// <summary>A lesson's notebook and the small parameters its tests run it with, named once for both front ends.</summary>
public interface ILesson
{
    static abstract string Notebook { get; }

    static virtual IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>();
}
