namespace Backprop.Lessons.Tests;

/// <summary>What executes a lesson: our headless runner, or a real Jupyter client (nbclient) on our kernel.</summary>
public enum LessonFrontEnd
{
    Runner,
    Jupyter,
}
