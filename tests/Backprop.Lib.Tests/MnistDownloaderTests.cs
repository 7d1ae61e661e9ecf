using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Backprop;

namespace Backprop.Lib.Tests;

// Every download here goes to a server the test starts on 127.0.0.1: never to the internet.
public class MnistDownloaderTests
{
    [Fact]
    public void Download_GoodFiles_AreVerifiedCachedAndLoadable()
    {
        var files = IdxFixture.Set();
        using var server = new LoopbackHttpServer(files);
        using var cache = new TempFolder();
        var downloader = new MnistDownloader(cache.Path, [server.BaseUrl], IdxFixture.SumsOf(files));
        var log = new List<string>();

        string line = Mnist.Download(downloader, log.Add);

        Assert.Equal($"downloaded 4 file(s) from {server.BaseUrl} into {cache.Path}, SHA-256 verified", line);
        Assert.Equal(files.Keys.Order(), cache.Files().Select(Path.GetFileName).Order());
        foreach (var (name, bytes) in files)
            Assert.Equal(bytes, File.ReadAllBytes(cache.File(name)));
        Assert.Contains($"{MnistFile.TrainImages}: {files[MnistFile.TrainImages].Length} bytes from {server.BaseUrl}{MnistFile.TrainImages}, SHA-256 verified", log);
        MnistData data = Mnist.Load(source: MnistSource.Full, downloader: downloader, log: _ => { });
        Assert.Equal((30, 10), (data.Train.Count, data.Test.Count));
    }

    [Fact]
    public void Download_AlreadyCached_AsksTheServerForNothing()
    {
        var files = IdxFixture.Set();
        using var server = new LoopbackHttpServer(files);
        using var cache = new TempFolder();
        IdxFixture.WriteTo(cache.Path, files);

        string line = new MnistDownloader(cache.Path, [server.BaseUrl], IdxFixture.SumsOf(files)).Download(_ => { });

        Assert.Equal($"all 4 files already in {cache.Path}, SHA-256 verified", line);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Download_RemovesPartFilesAbandonedAnHourAgo()
    {
        var files = IdxFixture.Set();
        using var server = new LoopbackHttpServer(files);
        using var cache = new TempFolder();
        string abandoned = cache.File(MnistFile.TrainImages + ".0123.part");
        string recent = cache.File(MnistFile.TrainImages + ".4567.part");
        File.WriteAllBytes(abandoned, [1, 2, 3]);
        File.WriteAllBytes(recent, [1, 2, 3]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));

        new MnistDownloader(cache.Path, [server.BaseUrl], IdxFixture.SumsOf(files)).Download(_ => { });

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(recent), "a download still running elsewhere keeps its .part file");
    }

    [Fact]
    public void Download_WrongChecksum_IsRejectedAndLeavesNothing()
    {
        var files = IdxFixture.Set();
        var sums = IdxFixture.SumsOf(files);
        files[MnistFile.TrainLabels] = [.. files[MnistFile.TrainLabels]];
        files[MnistFile.TrainLabels][^9] ^= 1;
        using var server = new LoopbackHttpServer(files);
        using var cache = new TempFolder();
        var downloader = new MnistDownloader(cache.Path, [server.BaseUrl], sums.Where(f => f.Name == MnistFile.TrainLabels).ToList());

        var e = Assert.Throws<IOException>(() => downloader.Download(_ => { }));

        Assert.Contains($"{server.BaseUrl}{MnistFile.TrainLabels}: SHA-256 ", e.Message);
        Assert.Contains($"expected {sums.Single(f => f.Name == MnistFile.TrainLabels).Sha256}", e.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void Download_ConnectionDroppedMidFile_LeavesNothing()
    {
        var files = new Dictionary<string, byte[]> { [MnistFile.TrainImages] = IdxFixture.Gzip(IdxFixture.Images(200)) };
        using var server = new LoopbackHttpServer(files, dropAfterBytes: files[MnistFile.TrainImages].Length / 2);
        using var cache = new TempFolder();
        var downloader = new MnistDownloader(cache.Path, [server.BaseUrl], IdxFixture.SumsOf(files));

        var e = Assert.Throws<IOException>(() => downloader.Download(_ => { }));

        Assert.Contains($"{server.BaseUrl}{MnistFile.TrainImages}: ", e.Message);
        Assert.Contains($"{MnistFile.TrainImages} was not written to {cache.Path}", e.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void Download_BrokenFirstMirror_TakesTheSecond()
    {
        var files = IdxFixture.Set();
        var truncated = files.ToDictionary(kv => kv.Key, kv => kv.Value[..^10]);
        using var bad = new LoopbackHttpServer(truncated);
        using var good = new LoopbackHttpServer(files);
        using var cache = new TempFolder();
        var downloader = new MnistDownloader(cache.Path, [bad.BaseUrl, good.BaseUrl], IdxFixture.SumsOf(files));

        string line = downloader.Download(_ => { });

        Assert.Equal($"downloaded 4 file(s) from {good.BaseUrl} into {cache.Path}, SHA-256 verified", line);
        Assert.Equal(4, bad.Requests.Count);
        Assert.Equal(4, cache.Files().Length);
    }

    [Fact]
    public void Download_NotFound_NamesEveryMirrorTried()
    {
        using var server = new LoopbackHttpServer([]);
        using var cache = new TempFolder();
        string dead = LoopbackHttpServer.DeadUrl();
        var downloader = new MnistDownloader(cache.Path, [server.BaseUrl, dead], IdxFixture.SumsOf(IdxFixture.Set()));

        var e = Assert.Throws<IOException>(() => downloader.Download(_ => { }));

        Assert.Contains($"{server.BaseUrl}{MnistFile.TrainImages}: ", e.Message);
        Assert.Contains("404", e.Message);
        Assert.Contains($"{dead}{MnistFile.TrainImages}: ", e.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void Download_LargeFile_ReportsProgressInTenths()
    {
        var big = new byte[2_500_000];
        new Random(7).NextBytes(big);
        var files = new Dictionary<string, byte[]> { [MnistFile.TrainImages] = big };
        using var server = new LoopbackHttpServer(files);
        using var cache = new TempFolder();
        var log = new List<string>();

        new MnistDownloader(cache.Path, [server.BaseUrl], IdxFixture.SumsOf(files)).Download(log.Add);

        var percents = log.Where(l => l.Contains("% of 2.5 MB")).ToList();
        Assert.Equal($"{MnistFile.TrainImages}: 10% of 2.5 MB", percents.First());
        Assert.Equal($"{MnistFile.TrainImages}: 90% of 2.5 MB", percents.Last());
        Assert.EndsWith("SHA-256 verified", log.Last());
    }

    [Fact]
    public void Load_DownloadWithNoServer_FallsBackToTheSampleAndSaysSo()
    {
        using var cache = new TempFolder();
        string dead = LoopbackHttpServer.DeadUrl();
        var downloader = new MnistDownloader(cache.Path, [dead], IdxFixture.SumsOf(IdxFixture.Set()));
        var log = new List<string>();

        MnistData data = Mnist.Load(download: true, downloader: downloader, log: log.Add);

        Assert.Equal((8000, 2000), (data.Train.Count, data.Test.Count));
        Assert.Equal(data.Source, Assert.Single(log));
        Assert.StartsWith("MNIST: offline sample, 8000 train / 2000 test", data.Source);
        Assert.Contains($"download failed: {MnistFile.TrainImages}: no mirror delivered it ({dead}{MnistFile.TrainImages}: ", data.Source);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void Load_DownloadTrue_DownloadsThenLoadsTheFullSet()
    {
        var files = IdxFixture.Set();
        using var server = new LoopbackHttpServer(files);
        using var cache = new TempFolder();
        var log = new List<string>();

        MnistData data = Mnist.Load(download: true, log: log.Add,
            downloader: new MnistDownloader(cache.Path, [server.BaseUrl], IdxFixture.SumsOf(files)));

        Assert.Equal((30, 10), (data.Train.Count, data.Test.Count));
        Assert.Equal($"MNIST: full set, 30 train / 10 test, downloaded 4 file(s) from {server.BaseUrl} into {cache.Path}, SHA-256 verified", log.Last());
    }
}
