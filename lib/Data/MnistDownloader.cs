using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;

namespace Backprop;

/// <summary>Downloads full MNIST into a cache folder, only when asked, each file checked against its published size
/// and SHA-256 before it is renamed into place (§3.6.1's <c>mnist.py</c>, made safe).</summary>
/// <remarks>A file is written as <c>name.*.part</c> beside its final place and renamed only once verified, so an
/// interrupted or corrupt download never leaves a file with the real name.</remarks>
public sealed class MnistDownloader
{
    /// <summary>The S3 mirror torchvision and the book use, then TensorFlow's Google Cloud Storage mirror.</summary>
    public static IReadOnlyList<string> DefaultMirrors { get; } =
        ["https://ossci-datasets.s3.amazonaws.com/mnist/", "https://storage.googleapis.com/cvdf-datasets/mnist/"];

    private readonly TimeSpan _idleTimeout;

    public MnistDownloader(string cacheDirectory, IReadOnlyList<string>? mirrors = null,
        IReadOnlyList<MnistFile>? files = null, TimeSpan? idleTimeout = null)
    {
        CacheDirectory = Path.GetFullPath(cacheDirectory);
        Mirrors = mirrors ?? DefaultMirrors;
        Files = files ?? MnistFile.Full;
        _idleTimeout = idleTimeout ?? TimeSpan.FromSeconds(30);
    }

    public string CacheDirectory { get; }

    public IReadOnlyList<string> Mirrors { get; }

    public IReadOnlyList<MnistFile> Files { get; }

    /// <summary>The repository's data/mnist (git-ignored), with the real mirrors and sums.</summary>
    public static MnistDownloader Default() => new(Path.Combine(DataFolder.Require("MNIST cache"), "mnist"));

    /// <summary>Makes every file present and verified; returns one line saying what was done.</summary>
    /// <exception cref="IOException">No mirror delivered a file with the right size and SHA-256.</exception>
    public string Download(Action<string>? progress = null)
    {
        progress ??= Console.WriteLine;
        Directory.CreateDirectory(CacheDirectory);
        RemoveAbandonedParts();
        var fetched = new List<string>();
        foreach (MnistFile file in Files)
        {
            string target = Path.Combine(CacheDirectory, file.Name);
            if (File.Exists(target) && file.Mismatch(File.ReadAllBytes(target)) is null)
                continue;
            var failures = new List<string>();
            string? from = Mirrors.FirstOrDefault(mirror => TryFetch(mirror, file, target, progress, failures));
            if (from is null)
                throw new IOException($"{file.Name}: no mirror delivered it ({string.Join("; ", failures)}); "
                    + $"{file.Name} was not written to {CacheDirectory}");
            fetched.Add(from);
        }
        return fetched.Count == 0
            ? $"all {Files.Count} files already in {CacheDirectory}, SHA-256 verified"
            : $"downloaded {fetched.Count} file(s) from {string.Join(", ", fetched.Distinct())} into {CacheDirectory}, SHA-256 verified";
    }

    // A process killed mid-download cannot delete its .part file; one untouched for an hour is abandoned.
    private void RemoveAbandonedParts()
    {
        foreach (string part in Directory.EnumerateFiles(CacheDirectory, "*.part"))
        {
            if (File.GetLastWriteTimeUtc(part) < DateTime.UtcNow.AddHours(-1))
                File.Delete(part);
        }
    }

    private bool TryFetch(string mirror, MnistFile file, string target, Action<string> progress, List<string> failures)
    {
        string url = mirror.TrimEnd('/') + "/" + file.Name;
        string part = $"{target}.{Guid.NewGuid():N}.part";
        try
        {
            string sha = Fetch(url, part, file, progress);
            if (sha != file.Sha256)
            {
                failures.Add($"{url}: SHA-256 {sha}, expected {file.Sha256}");
                return false;
            }
            File.Move(part, target, overwrite: true);
            progress($"{file.Name}: {file.Length} bytes from {url}, SHA-256 verified");
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            failures.Add($"{url}: {e.Message}");
            return false;
        }
        finally
        {
            File.Delete(part);
        }
    }

    // Streams to the .part file while hashing; returns the hash, throws if the size is not the published one.
    private string Fetch(string url, string part, MnistFile file, Action<string> progress)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var idle = new CancellationTokenSource(_idleTimeout);
        using HttpResponseMessage response = http.Send(new HttpRequestMessage(HttpMethod.Get, url),
            HttpCompletionOption.ResponseHeadersRead, idle.Token);
        response.EnsureSuccessStatusCode();
        long? announced = response.Content.Headers.ContentLength;
        if (announced is not null && announced != file.Length)
            throw new IOException($"server announces {announced} bytes, expected {file.Length}");
        using Stream body = response.Content.ReadAsStream(idle.Token);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var output = new FileStream(part, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[81920];
            long total = 0;
            int shownTenths = 0;
            for (int n; (n = body.ReadAsync(buffer, idle.Token).AsTask().GetAwaiter().GetResult()) > 0;)
            {
                idle.CancelAfter(_idleTimeout);
                total += n;
                if (total > file.Length)
                    throw new IOException($"more than the expected {file.Length} bytes");
                hash.AppendData(buffer, 0, n);
                output.Write(buffer, 0, n);
                int tenths = (int)(10 * total / file.Length);
                if (file.Length > 1_000_000 && tenths > shownTenths && tenths < 10)
                    progress(string.Create(CultureInfo.InvariantCulture,
                        $"{file.Name}: {10 * (shownTenths = tenths)}% of {file.Length / 1e6:F1} MB"));
            }
            if (total != file.Length)
                throw new IOException($"connection ended after {total} of {file.Length} bytes");
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
