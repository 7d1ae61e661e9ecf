using System;
using System.IO;

namespace Backprop;

/// <summary>How each <see cref="MnistSource"/> is found, read and described in one line.</summary>
internal sealed class MnistSources(bool normalize, bool oneHotLabel, Action<string> log)
{
    private const string SystemFashionMnist = "/usr/share/datasets/fashion-mnist";

    public MnistData Auto(MnistDownloader? downloader, bool download)
    {
        downloader ??= DataFolder.Find() is string data ? new MnistDownloader(Path.Combine(data, "mnist")) : null;
        if (downloader is null)
            return Sample(Mnist.DownloadHint);
        string folder = downloader.CacheDirectory;
        if (download && !MnistFolder.HasAllFiles(folder))
        {
            try
            {
                return Full(downloader, download: true);
            }
            catch (IOException e)
            {
                return Sample($"download failed: {e.Message}");
            }
        }
        if (!MnistFolder.HasAllFiles(folder))
            return Sample(Mnist.DownloadHint);
        try
        {
            return Full(downloader, download: false);
        }
        catch (InvalidDataException e)
        {
            return Sample($"the cached full set is damaged, not used: {e.Message}; Mnist.Download() replaces it");
        }
    }

    public MnistData Full(MnistDownloader downloader, bool download)
    {
        string folder = downloader.CacheDirectory;
        string how = $"from {folder}, SHA-256 verified";
        if (download)
            how = downloader.Download(log);
        else if (!MnistFolder.HasAllFiles(folder))
            throw new FileNotFoundException($"full MNIST is not in {folder}: run Mnist.Download() once with internet "
                + "access, or Mnist.Load(download: true)");
        var (train, test, _) = MnistFolder.Read(folder, downloader.Files, strict: true, normalize, oneHotLabel);
        return new MnistData(train, test, $"MNIST: full set, {train.Count} train / {test.Count} test, {how}");
    }

    public MnistData Sample(string note)
    {
        string folder = Path.Combine(DataFolder.Require("MNIST sample"), "mnist-sample");
        try
        {
            var (train, test, _) = MnistFolder.Read(folder, MnistFile.Sample, strict: true, normalize, oneHotLabel);
            // What a class reads under the cell: no machine's path, no checksum jargon (data/README.md has both).
            return new MnistData(train, test, $"MNIST: offline sample, {train.Count} train / {test.Count} test real digits "
                + $"shipped with the course in data/mnist-sample, checked intact; {note}");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{e.Message}. The shipped sample is damaged: restore it with "
                + "`git checkout -- data/mnist-sample`", e);
        }
    }

    public MnistData FashionMnist()
    {
        string? data = DataFolder.Find();
        string[] candidates = data is null ? [SystemFashionMnist] : [Path.Combine(data, "fashion-mnist"), SystemFashionMnist];
        string folder = Array.Find(candidates, MnistFolder.HasAllFiles) ?? throw new FileNotFoundException(
            $"Fashion-MNIST is not in {string.Join(" or ", candidates)}: `sudo apt install dataset-fashion-mnist`, "
            + "or put its four .gz files in data/fashion-mnist");
        var (train, test, _) = MnistFolder.Read(folder, [], strict: false, normalize, oneHotLabel);
        return new MnistData(train, test, $"Fashion-MNIST: {train.Count} train / {test.Count} test from {folder} "
            + "(IDX structure checked; no published SHA-256 for this copy)");
    }

    public MnistData FromDirectory(string directory)
    {
        string folder = Path.GetFullPath(directory);
        var (train, test, verified) = MnistFolder.Read(folder, MnistFile.Full, strict: false, normalize, oneHotLabel);
        string check = verified ? "full MNIST, SHA-256 verified" : "IDX structure checked, not a published SHA-256";
        return new MnistData(train, test, $"IDX files: {train.Count} train / {test.Count} test from {folder} ({check})");
    }
}
