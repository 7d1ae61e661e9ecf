using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Backprop.Lessons.Tests;

/// <summary>
/// A lesson's two editions run by our runner: the English run is the one the lesson's own tests use (one run per
/// process), the Korean twin in notebooks/ko/ runs once for all the facts comparing it.
/// </summary>
public sealed class KoreanFixture<TLesson> : IAsyncLifetime
    where TLesson : ILesson
{
    private LessonRun? _english;
    private LessonRun? _korean;

    public static string KoreanPath => Path.Combine(LessonRun.RepositoryRoot, "notebooks", "ko", TLesson.Notebook);

    public LessonRun English => _english ?? throw new InvalidOperationException("the English lesson has not run");

    public LessonRun Korean => _korean ?? throw new FileNotFoundException(
        $"{TLesson.Notebook} has no Korean twin: {KoreanPath} is missing (the Korean edition keeps one per English lesson, same file name).");

    public async Task InitializeAsync()
    {
        _english = await LessonRun.Once(TLesson.Notebook, TLesson.Parameters);
        if (File.Exists(KoreanPath))
        {
            _korean = await LessonRun.Once("ko/" + TLesson.Notebook, TLesson.Parameters);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
