namespace Backprop.Kernel.Execution;

/// <summary>Where a running cell sends its outputs: stdout/stderr text and displayed values.</summary>
internal interface ICellOutput
{
    void Stream(string name, string text);

    void Display(MimeBundle bundle);

    /// <summary>Replaces what an earlier <see cref="Display"/> with the same display id shows.</summary>
    void UpdateDisplay(MimeBundle bundle);
}
