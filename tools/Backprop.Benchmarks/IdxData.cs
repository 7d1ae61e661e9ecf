using System;
using System.IO;
using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The four IDX files as the book's load_mnist(normalize=True, one_hot_label=True) gives them.
/// A private minimal reader: the benchmark must read exactly what the numpy script reads.
/// </summary>
internal sealed record IdxData(string Directory, Matrix<double> XTrain, Matrix<double> TTrain, Matrix<double> XTest, Matrix<double> TTest)
{
    public static readonly string[] Directories = ["/usr/share/datasets/mnist", "/usr/share/datasets/fashion-mnist"];

    public static IdxData Load()
    {
        foreach (string dir in Directories)
        {
            if (File.Exists(Path.Combine(dir, "train-images-idx3-ubyte.gz")))
            {
                return new IdxData(
                    dir,
                    Images(Path.Combine(dir, "train-images-idx3-ubyte.gz")),
                    OneHot(Path.Combine(dir, "train-labels-idx1-ubyte.gz")),
                    Images(Path.Combine(dir, "t10k-images-idx3-ubyte.gz")),
                    OneHot(Path.Combine(dir, "t10k-labels-idx1-ubyte.gz")));
            }
        }

        throw new FileNotFoundException($"No MNIST or Fashion-MNIST IDX files in {string.Join(" or ", Directories)} (apt-get install dataset-fashion-mnist).");
    }

    private static Matrix<double> Images(string path)
    {
        byte[] data = Read(path, out int[] dims);
        int count = dims[0], pixels = dims[1] * dims[2];
        int offset = 4 + (4 * dims.Length);
        return Matrix<double>.Build.Dense(count, pixels, (i, j) => data[offset + (i * pixels) + j] / 255.0);
    }

    private static Matrix<double> OneHot(string path)
    {
        byte[] data = Read(path, out int[] dims);
        int offset = 4 + (4 * dims.Length);
        var t = Matrix<double>.Build.Dense(dims[0], 10);
        for (int i = 0; i < dims[0]; i++)
        {
            t[i, data[offset + i]] = 1;
        }

        return t;
    }

    private static byte[] Read(string path, out int[] dims)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        byte[] data = memory.ToArray();
        dims = new int[data[3]];
        for (int d = 0; d < dims.Length; d++)
        {
            int o = 4 + (4 * d);
            dims[d] = (data[o] << 24) | (data[o + 1] << 16) | (data[o + 2] << 8) | data[o + 3];
        }

        return data;
    }
}
