using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace Backprop;

/// <summary>One file of an MNIST-format set with its published size and SHA-256 (§3.6.1).</summary>
public sealed record MnistFile(string Name, long Length, string Sha256)
{
    public const string TrainImages = "train-images-idx3-ubyte.gz";
    public const string TrainLabels = "train-labels-idx1-ubyte.gz";
    public const string TestImages = "t10k-images-idx3-ubyte.gz";
    public const string TestLabels = "t10k-labels-idx1-ubyte.gz";

    /// <summary>The full MNIST set: the sums published with every well-known mirror.</summary>
    public static IReadOnlyList<MnistFile> Full { get; } =
    [
        new(TrainImages, 9_912_422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
        new(TrainLabels, 28_881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
        new(TestImages, 1_648_877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
        new(TestLabels, 4_542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
    ];

    /// <summary>The offline sample shipped in data/mnist-sample (see data/README.md).</summary>
    public static IReadOnlyList<MnistFile> Sample { get; } =
    [
        new(TrainImages, 1_290_092, "baab98943a62ff26e4d106849ecfb9f645f1fe7cce7bf88f0a6ca5fd1d1ca4b2"),
        new(TrainLabels, 4_067, "d9f2162962b4dc02e1559f78af0e5d7b93bc0412ae860e9461b12a56b5e9f62c"),
        new(TestImages, 320_982, "bb444ed4d1e088f21186ec62839f7a0883675557015e733e914c0f616ec7bacf"),
        new(TestLabels, 1_033, "6a8e66efdfab198b7a217567407a513dc22942633c6d7e20adde902e4aa1f09d"),
    ];

    /// <summary>Null when <paramref name="bytes"/> are this file, else what differs.</summary>
    public string? Mismatch(byte[] bytes)
    {
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.Length == Length && sha == Sha256)
            return null;
        return $"{bytes.LongLength} bytes with SHA-256 {sha}, expected {Length} bytes with SHA-256 {Sha256}";
    }
}
