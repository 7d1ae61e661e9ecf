using System;
using System.IO;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>One half of MNIST (training or test), as the book's <c>load_mnist</c> returns it, §3.6.1.</summary>
/// <remarks><see cref="Images"/> has one flattened image per row (N × 784). <see cref="Labels"/> is the book's
/// <c>t</c>: N × 10 one-hot rows with <c>oneHotLabel: true</c>, else class indices; it goes straight into
/// <c>TwoLayerNet.Gradient</c> or <c>Trainer.Train</c>. <see cref="Digits"/> always holds the plain digit of each row.</remarks>
public sealed class MnistSet
{
    // The pixels as read, one image after another, and what each byte becomes in Images: Rows reads a batch from them.
    private readonly byte[] _pixels;
    private readonly double[] _scale;

    private MnistSet(Matrix<double> images, Labels labels, int[] digits, int imageRows, int imageColumns, byte[] pixels, double[] scale)
    {
        _pixels = pixels;
        _scale = scale;
        Images = images;
        Labels = labels;
        Digits = digits;
        ImageRows = imageRows;
        ImageColumns = imageColumns;
    }

    public Matrix<double> Images { get; }

    public Labels Labels { get; }

    public int[] Digits { get; }

    public int Count => Digits.Length;

    public int ImageRows { get; }

    public int ImageColumns { get; }

    /// <summary>The book's pair: <c>var ((xTrain, tTrain), (xTest, tTest)) = Mnist.Load(oneHotLabel: true);</c></summary>
    public void Deconstruct(out Matrix<double> images, out Labels labels)
    {
        images = Images;
        labels = Labels;
    }

    /// <summary>
    /// The book's <c>x_train[batch_mask]</c>, <c>t_train[batch_mask]</c> (§4.2.3): the chosen samples' images and
    /// labels as new matrices: <c>var (xBatch, tBatch) = train.Rows(batchMask);</c>. The images come from the
    /// pixels as loaded, each image's 784 bytes side by side (in <see cref="Images"/>, MathNet's column-major
    /// storage, one image is 784 values 60,000 apart), so they equal <c>Images.Rows(batchMask)</c> as loaded.
    /// </summary>
    public (Matrix<double> Images, Labels Labels) Rows(int[] batchMask)
    {
        ArgumentNullException.ThrowIfNull(batchMask);
        int width = Images.ColumnCount, count = batchMask.Length;
        var batch = new double[count * width];
        for (int r = 0; r < count; r++)
        {
            int row = batchMask[r];
            if ((uint)row >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(batchMask), $"MnistSet.Rows: row {row} is not one of the {Count} images.");
            }
            ReadOnlySpan<byte> image = _pixels.AsSpan(row * width, width);
            for (int j = 0; j < width; j++)
            {
                batch[(j * count) + r] = _scale[image[j]];
            }
        }
        return (Matrix<double>.Build.Dense(count, width, batch), Labels.Rows(batchMask));
    }

    /// <summary>Image <paramref name="index"/> as a 28 × 28 matrix, for display.</summary>
    public Matrix<double> ImageOf(int index) => Mnist.ToImage(Images.Row(index), ImageRows);

    public override string ToString()
    {
        string labels = Labels.OneHot is null ? "class indices" : $"one-hot {Count}x{Labels.OneHot.ColumnCount}";
        return $"MnistSet: {Count} images of {ImageRows}x{ImageColumns} (Images {Images.RowCount}x{Images.ColumnCount}, Labels {labels})";
    }

    internal static MnistSet Create(IdxImages images, byte[] labels, bool normalize, bool oneHotLabel, string name)
    {
        if (images.Count != labels.Length)
            throw new InvalidDataException($"{name}: {images.Count} images but {labels.Length} labels");
        var digits = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] > 9)
                throw new InvalidDataException($"{name}: label {i} is {labels[i]}, not a digit 0-9");
            digits[i] = labels[i];
        }
        var scale = new double[256];
        for (int b = 0; b < 256; b++)
            scale[b] = normalize ? b / 255.0 : b;
        return new MnistSet(ToMatrix(images, scale), ToLabels(digits, oneHotLabel), digits, images.Rows, images.Columns, images.Pixels, scale);
    }

    // MathNet stores column-major; copy in blocks of images so both the reads and the writes stay in cache.
    private static Matrix<double> ToMatrix(IdxImages images, double[] scale)
    {
        int n = images.Count, width = images.PixelsPerImage;
        var storage = new double[(long)n * width];
        byte[] pixels = images.Pixels;
        const int block = 64;
        for (int first = 0; first < n; first += block)
        {
            int last = Math.Min(first + block, n);
            for (int j = 0; j < width; j++)
            {
                int column = j * n;
                for (int i = first; i < last; i++)
                    storage[column + i] = scale[pixels[i * width + j]];
            }
        }
        return Matrix<double>.Build.Dense(n, width, storage);
    }

    private static Labels ToLabels(int[] digits, bool oneHotLabel)
    {
        if (!oneHotLabel)
            return Labels.FromIndices((int[])digits.Clone());
        var oneHot = Matrix<double>.Build.Dense(digits.Length, 10);
        for (int i = 0; i < digits.Length; i++)
            oneHot[i, digits[i]] = 1;
        return Labels.FromOneHot(oneHot);
    }
}
