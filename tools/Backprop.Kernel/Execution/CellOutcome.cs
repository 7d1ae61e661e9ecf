namespace Backprop.Kernel.Execution;

/// <summary>How a cell ended: with an optional value to show, or with an error.</summary>
internal sealed record CellOutcome(MimeBundle? Result, CellError? Error)
{
    public static CellOutcome Ok(MimeBundle? result = null) => new(result, null);

    public static CellOutcome Failed(CellError error) => new(null, error);
}
