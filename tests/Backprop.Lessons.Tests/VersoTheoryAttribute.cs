namespace Backprop.Lessons.Tests;

/// <summary>A theory that runs only where Verso's CLI is built, and otherwise reports itself skipped with the reason.</summary>
public sealed class VersoTheoryAttribute : TheoryAttribute
{
    public VersoTheoryAttribute()
    {
        Skip = VersoCli.SkipReason;
    }
}
