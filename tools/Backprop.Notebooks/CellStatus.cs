namespace Backprop.Notebooks;

/// <summary>How a cell's execution ended.</summary>
public enum CellStatus
{
    Succeeded,

    /// <summary>Compile error, runtime exception, directive or restore error.</summary>
    Failed,

    /// <summary>Stopped by the caller's token (interrupt).</summary>
    Cancelled,

    /// <summary>Ran longer than the timeout given to ExecuteAsync (compile and restore time not counted).</summary>
    TimedOut,
}
