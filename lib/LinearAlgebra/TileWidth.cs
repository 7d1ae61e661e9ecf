namespace Backprop.LinearAlgebra;

/// <summary>How many columns of C a register tile computes, as a type, so that each width gets code of its own.</summary>
internal interface ITileWidth
{
    static abstract int Columns { get; }
}

internal readonly struct Six : ITileWidth
{
    public static int Columns => 6;
}

internal readonly struct Five : ITileWidth
{
    public static int Columns => 5;
}
