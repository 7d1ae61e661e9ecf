namespace Backprop;

/// <summary>Images read from an IDX file (the MNIST format, §3.6.1): <see cref="Count"/> images of
/// <see cref="Rows"/> × <see cref="Columns"/> bytes, row-major, one after another.</summary>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels)
{
    public int PixelsPerImage => Rows * Columns;
}
