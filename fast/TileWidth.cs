namespace Backprop.Fast;

/// <summary>The tile width for a C of n columns: five where five divides n and six does not (the 50 hidden units), else six.</summary>
internal static class TileWidths
{
    public static int For(int n) => n % 6 != 0 && n % 5 == 0 ? 5 : 6;
}

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
