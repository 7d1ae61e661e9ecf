using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Backprop.Lessons.Tests;

/// <summary>Runs one lesson once for all the facts of its test class.</summary>
public abstract class LessonFixture : IAsyncLifetime
{
    private readonly string _fileName;
    private readonly IReadOnlyDictionary<string, string> _parameters;
    private LessonRun? _run;

    protected LessonFixture(string fileName, IReadOnlyDictionary<string, string>? parameters = null)
    {
        _fileName = fileName;
        _parameters = parameters ?? new Dictionary<string, string>();
    }

    public LessonRun Run => _run ?? throw new InvalidOperationException("the lesson has not run yet");

    public async Task InitializeAsync() => _run = await LessonRun.RunAsync(_fileName, _parameters);

    public Task DisposeAsync() => Task.CompletedTask;
}
