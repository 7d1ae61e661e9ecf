namespace Backprop;

/// <summary>What an exercise check found (the exercises at the end of every lesson, §5.4–§5.7).</summary>
public enum CheckState
{
    /// <summary>Every part works.</summary>
    Passed,

    /// <summary>Something is wrong; the hint says what.</summary>
    Failed,

    /// <summary>The student's code still throws <see cref="System.NotImplementedException"/> (the stub).</summary>
    NotDone,
}
