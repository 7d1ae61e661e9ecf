namespace Backprop.Lessons.Tests;

/// <summary>The lesson executed by Debian's nbclient on our kernel (what a student's Jupyter does).</summary>
public sealed class JupyterFixture<TLesson>() : LessonFixture<TLesson>(LessonFrontEnd.Jupyter)
    where TLesson : ILesson;
