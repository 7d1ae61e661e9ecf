namespace Backprop.Kernel.Execution;

/// <summary>What inspect shows for the symbol under the cursor (<c>Found</c> false: nothing there).</summary>
internal sealed record InspectionResult(bool Found, string Text);
