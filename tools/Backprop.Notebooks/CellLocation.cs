namespace Backprop.Notebooks;

/// <summary>Where a cell's code comes from, so errors can name the file line too (.dib cells).</summary>
public sealed record CellLocation(string? FileName = null, int FileLine = 0);
