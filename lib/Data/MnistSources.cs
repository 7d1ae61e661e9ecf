using System;
using System.IO;
using static Backprop.Display.Texts.Localized;

namespace Backprop;

/// <summary>How each <see cref="MnistSource"/> is found, read and described in one line.</summary>
internal sealed class MnistSources(bool normalize, bool oneHotLabel, Action<string> log)
{
    private const string SystemFashionMnist = "/usr/share/datasets/fashion-mnist";

    /// <summary>The sample's note on where the full set comes from, in the reader's language.</summary>
    public static string DownloadHint => Pick(Mnist.DownloadHint, "전체 데이터: Mnist.Download()");

    public MnistData Auto(MnistDownloader? downloader, bool download)
    {
        downloader ??= DataFolder.Find() is string data ? new MnistDownloader(Path.Combine(data, "mnist")) : null;
        if (downloader is null)
            return Sample(DownloadHint);
        string folder = downloader.CacheDirectory;
        if (download && !MnistFolder.HasAllFiles(folder))
        {
            try
            {
                return Full(downloader, download: true);
            }
            catch (IOException e)
            {
                return Sample(Pick($"download failed: {e.Message}", $"내려받기 실패: {e.Message}"));
            }
        }
        if (!MnistFolder.HasAllFiles(folder))
            return Sample(DownloadHint);
        try
        {
            return Full(downloader, download: false);
        }
        catch (InvalidDataException e)
        {
            return Sample(Pick($"the cached full set is damaged, not used: {e.Message}; Mnist.Download() replaces it",
                $"저장된 전체 데이터가 손상되어 쓰지 않습니다: {e.Message}; Mnist.Download()로 다시 받으세요"));
        }
    }

    public MnistData Full(MnistDownloader downloader, bool download)
    {
        string folder = downloader.CacheDirectory;
        string how = Pick($"from {folder}, SHA-256 verified", $"{folder}에서 읽음, SHA-256 확인");
        if (download)
            how = downloader.Download(log);
        else if (!MnistFolder.HasAllFiles(folder))
            throw new FileNotFoundException($"full MNIST is not in {folder}: run Mnist.Download() once with internet "
                + "access, or Mnist.Load(download: true)");
        var (train, test, _) = MnistFolder.Read(folder, downloader.Files, strict: true, normalize, oneHotLabel);
        return new MnistData(train, test, Pick($"MNIST: full set, {train.Count} train / {test.Count} test, {how}",
            $"MNIST: 전체 데이터, 훈련 {train.Count}개 / 시험 {test.Count}개, {how}"));
    }

    public MnistData Sample(string note)
    {
        string folder = Path.Combine(DataFolder.Require("MNIST sample"), "mnist-sample");
        try
        {
            var (train, test, _) = MnistFolder.Read(folder, MnistFile.Sample, strict: true, normalize, oneHotLabel);
            // What a class reads under the cell: no machine's path, no checksum jargon (data/README.md has both).
            return new MnistData(train, test, Pick($"MNIST: offline sample, {train.Count} train / {test.Count} test real digits "
                + $"shipped with the course in data/mnist-sample, checked intact; {note}",
                $"MNIST: 오프라인 샘플, 실제 손글씨 숫자 훈련 {train.Count}개 / 시험 {test.Count}개 "
                + $"(강의와 함께 data/mnist-sample에 들어 있으며 손상 없음을 확인함); {note}"));
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
        return new MnistData(train, test, Pick($"Fashion-MNIST: {train.Count} train / {test.Count} test from {folder} "
            + "(IDX structure checked; no published SHA-256 for this copy)",
            $"Fashion-MNIST: {folder}에서 훈련 {train.Count}개 / 시험 {test.Count}개 (IDX 구조 확인, 이 사본에는 공개된 SHA-256이 없음)"));
    }

    public MnistData FromDirectory(string directory)
    {
        string folder = Path.GetFullPath(directory);
        var (train, test, verified) = MnistFolder.Read(folder, MnistFile.Full, strict: false, normalize, oneHotLabel);
        string check = verified ? "full MNIST, SHA-256 verified" : "IDX structure checked, not a published SHA-256";
        return new MnistData(train, test, $"IDX files: {train.Count} train / {test.Count} test from {folder} ({check})");
    }
}
