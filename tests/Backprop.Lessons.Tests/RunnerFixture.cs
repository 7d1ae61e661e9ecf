namespace Backprop.Lessons.Tests;

/// <summary>The lesson run in-process by our notebook runner (what <c>backprop-run</c> does).</summary>
public sealed class RunnerFixture<TLesson>() : LessonFixture<TLesson>(LessonFrontEnd.Runner)
    where TLesson : ILesson;
