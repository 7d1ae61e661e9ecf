using System;
using System.IO;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The book's <c>load_mnist</c> (§3.6.1) for C#: loads every time, offline included, and says from where.</summary>
/// <remarks>Sources, in order: full MNIST cached in data/mnist; full MNIST downloaded (only with <c>download: true</c>
/// or <see cref="Download"/>); the real 8,000 / 2,000 digit sample shipped in data/mnist-sample.</remarks>
public static class Mnist
{
    public const string DownloadHint = "full set: Mnist.Download()";

    /// <summary>Loads training and test sets, prints (or passes to <paramref name="log"/>) one line naming the source.</summary>
    /// <param name="normalize">Pixels / 255 in [0, 1], as the book; otherwise 0-255.</param>
    /// <param name="oneHotLabel">Labels as N × 10 one-hot rows; otherwise class indices (the book's default).</param>
    /// <param name="source">Auto (full set if cached, else the sample), Full, Sample or FashionMnist.</param>
    /// <param name="download">Fetch full MNIST into the cache if it is missing (never done silently).</param>
    /// <param name="directory">A folder holding the four MNIST-format IDX files; overrides <paramref name="source"/>.</param>
    /// <param name="downloader">Cache folder, mirrors and sums to use (tests point it at a local server).</param>
    /// <param name="log">Receives the source line and download progress; the console by default.</param>
    public static MnistData Load(bool normalize = true, bool oneHotLabel = false, MnistSource source = MnistSource.Auto,
        bool download = false, string? directory = null, MnistDownloader? downloader = null, Action<string>? log = null)
    {
        log ??= Console.WriteLine;
        var reader = new MnistSources(normalize, oneHotLabel, log);
        MnistData data = directory is not null ? reader.FromDirectory(directory) : source switch
        {
            MnistSource.Auto => reader.Auto(downloader, download),
            MnistSource.Full => reader.Full(downloader ?? MnistDownloader.Default(), download),
            MnistSource.Sample => reader.Sample(MnistSources.DownloadHint),
            MnistSource.FashionMnist => reader.FashionMnist(),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, "not an MnistSource"),
        };
        log(data.Source);
        return data;
    }

    /// <summary>Downloads full MNIST into data/mnist (or the downloader's folder), verified; returns one line.</summary>
    public static string Download(MnistDownloader? downloader = null, Action<string>? progress = null) =>
        (downloader ?? MnistDownloader.Default()).Download(progress);

    /// <summary>A flattened image (a row of <see cref="MnistSet.Images"/>, or of a weight matrix) back to rows × columns.</summary>
    public static Matrix<double> ToImage(Vector<double> row, int rows = 28)
    {
        if (rows <= 0 || row.Count % rows != 0)
            throw new ArgumentException($"a row of {row.Count} values is not an image of {rows} rows", nameof(row));
        int columns = row.Count / rows;
        return Matrix<double>.Build.Dense(rows, columns, (r, c) => row[r * columns + c]);
    }
}
