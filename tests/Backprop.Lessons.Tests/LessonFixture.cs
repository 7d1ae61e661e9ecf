using System;
using System.Threading.Tasks;

namespace Backprop.Lessons.Tests;

/// <summary>Runs one lesson once, on one front end, for all the facts of its test class.</summary>
public abstract class LessonFixture<TLesson>(LessonFrontEnd frontEnd) : IAsyncLifetime
    where TLesson : ILesson
{
    private LessonRun? _run;

    public LessonRun Run => _run ?? throw new InvalidOperationException("the lesson has not run yet");

    public async Task InitializeAsync() => _run = await LessonRun.RunAsync(TLesson.Notebook, TLesson.Parameters, frontEnd);

    public Task DisposeAsync() => Task.CompletedTask;
}
