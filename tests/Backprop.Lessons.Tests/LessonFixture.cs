using System;
using System.Threading.Tasks;
using Xunit;

namespace Backprop.Lessons.Tests;

/// <summary>Runs one lesson once, on one front end, for all the facts of its test class.</summary>
public abstract class LessonFixture<TLesson>(LessonFrontEnd frontEnd) : IAsyncLifetime
    where TLesson : ILesson
{
    private LessonRun? _run;
    private string? _skipped;

    /// <summary>The run; when its front end's Debian packages are missing, every fact using it is skipped saying what to install.</summary>
    public LessonRun Run => _skipped is { } reason ? throw new SkipException(reason) : _run ?? throw new InvalidOperationException("the lesson has not run yet");

    public async Task InitializeAsync()
    {
        try
        {
            _run = await LessonRun.RunAsync(TLesson.Notebook, TLesson.Parameters, frontEnd);
        }
        catch (SkipException e)
        {
            _skipped = e.Message;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
