using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Backprop;

/// <summary>Reads the four standard MNIST files of one folder, checking them against a sum table when given.</summary>
internal static class MnistFolder
{
    private static readonly string[] s_names =
        [MnistFile.TrainImages, MnistFile.TrainLabels, MnistFile.TestImages, MnistFile.TestLabels];

    public static bool HasAllFiles(string folder) => s_names.All(name => File.Exists(Path.Combine(folder, name)));

    /// <summary>Everything is read and checked before anything is returned: no half-loaded sets.
    /// Verified is true when all four files match <paramref name="expected"/>; a mismatch throws if <paramref name="strict"/>.</summary>
    public static (MnistSet Train, MnistSet Test, bool Verified) Read(
        string folder, IReadOnlyList<MnistFile> expected, bool strict, bool normalize, bool oneHotLabel)
    {
        bool verified = true;
        var files = new byte[4][];
        var paths = new string[4];
        for (int k = 0; k < 4; k++)
        {
            paths[k] = Path.Combine(folder, s_names[k]);
            files[k] = IdxReader.ReadFile(paths[k]);
            MnistFile? known = expected.FirstOrDefault(f => f.Name == s_names[k]);
            string? mismatch = known is null ? "no published size and SHA-256" : known.Mismatch(files[k]);
            if (mismatch is not null && strict)
                throw new InvalidDataException($"{paths[k]}: {mismatch}");
            verified &= mismatch is null;
        }
        IdxImages trainImages = IdxReader.ReadImages(files[0], paths[0]);
        byte[] trainLabels = IdxReader.ReadLabels(files[1], paths[1]);
        IdxImages testImages = IdxReader.ReadImages(files[2], paths[2]);
        byte[] testLabels = IdxReader.ReadLabels(files[3], paths[3]);
        if (testImages.Rows != trainImages.Rows || testImages.Columns != trainImages.Columns)
            throw new InvalidDataException($"{paths[2]}: images of {testImages.Rows}x{testImages.Columns}, "
                + $"but {paths[0]} has {trainImages.Rows}x{trainImages.Columns}");
        var train = MnistSet.Create(trainImages, trainLabels, normalize, oneHotLabel, $"{paths[0]} with {paths[1]}");
        var test = MnistSet.Create(testImages, testLabels, normalize, oneHotLabel, $"{paths[2]} with {paths[3]}");
        return (train, test, verified);
    }
}
