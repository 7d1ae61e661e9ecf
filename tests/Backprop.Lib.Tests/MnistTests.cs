using System.Collections.Generic;
using System.IO;
using System.Linq;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class MnistTests
{
    // Per-digit counts, first images and their pixels printed by data/make-sample.py from the npm JSON.
    private static readonly int[] s_trainPerDigit = [801, 902, 793, 826, 784, 690, 811, 856, 755, 782];
    private static readonly int[] s_testPerDigit = [200, 225, 198, 206, 196, 173, 203, 214, 189, 196];

    private static MnistData LoadSample(bool normalize = true, bool oneHotLabel = false, List<string>? log = null) =>
        Mnist.Load(normalize, oneHotLabel, MnistSource.Sample, log: (log ?? []).Add);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Rows_AreTheImagesAndLabelsOfTheBatch_AsImagesRowsGivesThem(bool normalize, bool oneHotLabel)
    {
        var (train, _) = LoadSample(normalize, oneHotLabel);
        // 21 rows: two whole blocks of eight images and a part block.
        int[] batchMask = [7999, 0, 17, 17, 4242, .. Enumerable.Range(100, 16).Select(i => i * 37)];

        var (xBatch, tBatch) = train.Rows(batchMask);

        Assert.Equal(train.Images.Rows(batchMask), xBatch);
        Assert.Equal(train.Labels.Rows(batchMask).ClassIndices(), tBatch.ClassIndices());
        Assert.Equal(train.Labels.Rows(batchMask).OneHot, tBatch.OneHot);
        Assert.Equal(oneHotLabel, tBatch.OneHot is not null);
        var error = Assert.Throws<System.ArgumentOutOfRangeException>(() => train.Rows([8000]));
        Assert.Contains("row 8000 is not one of the 8000 images", error.Message);
    }

    [Fact]
    public void Load_Sample_Has8000TrainAnd2000TestRowsOf784Pixels()
    {
        var (train, test) = LoadSample();

        Assert.Equal((8000, 784), (train.Images.RowCount, train.Images.ColumnCount));
        Assert.Equal((2000, 784), (test.Images.RowCount, test.Images.ColumnCount));
        Assert.Null(train.Labels.OneHot);
        Assert.Equal(train.Digits, train.Labels.Indices);
        Assert.InRange(train.Images.Enumerate().Max(), 0.99, 1.0);
        Assert.Equal(0.0, train.Images.Enumerate().Min());
    }

    [Fact]
    public void Load_Sample_IsStratifiedByDigit()
    {
        var (train, test) = LoadSample();

        int[] Count(MnistSet set) => Enumerable.Range(0, 10).Select(d => set.Digits.Count(x => x == d)).ToArray();
        Assert.Equal(s_trainPerDigit, Count(train));
        Assert.Equal(s_testPerDigit, Count(test));
        for (int d = 0; d < 10; d++)
            Assert.InRange(s_testPerDigit[d] / (double)(s_trainPerDigit[d] + s_testPerDigit[d]), 0.199, 0.201);
    }

    [Fact]
    public void Load_Sample_FirstImagesMatchTheNpmJson()
    {
        var (train, test) = LoadSample(normalize: false);

        Assert.Equal(9, train.Digits[0]);
        Assert.Equal(254.0, train.Images[0, 14 * 28 + 14]);
        Assert.Equal(24150.0, train.Images.Row(0).Sum());
        Assert.Equal(3, test.Digits[0]);
        Assert.Equal(20.0, test.Images[0, 14 * 28 + 14]);
        Assert.Equal(33707.0, test.Images.Row(0).Sum());
    }

    [Fact]
    public void Load_DeconstructsLikeTheBooksTuples()
    {
        var ((xTrain, tTrain), (xTest, tTest)) = Mnist.Load(oneHotLabel: true, source: MnistSource.Sample, log: _ => { });

        Assert.Equal((8000, 784), (xTrain.RowCount, xTrain.ColumnCount));
        Assert.Equal(8000, tTrain.Count);
        Assert.Equal((2000, 784), (xTest.RowCount, xTest.ColumnCount));
        Assert.Equal((2000, 10), (tTest.OneHot!.RowCount, tTest.OneHot.ColumnCount));
    }

    [Fact]
    public void Load_Normalized_IsBytesOver255()
    {
        var (raw, _) = LoadSample(normalize: false);
        var (normalized, _) = LoadSample(normalize: true);

        Assert.Equal(254 / 255.0, normalized.Images[0, 14 * 28 + 14]);
        Assert.True(raw.Images.Map(v => v / 255.0).Equals(normalized.Images));
    }

    [Fact]
    public void Load_OneHot_EachRowIsOneAtItsDigit()
    {
        var (train, test) = LoadSample(oneHotLabel: true);

        foreach (MnistSet set in new[] { train, test })
        {
            Matrix<double> oneHot = set.Labels.OneHot!;
            Assert.Equal((set.Count, 10), (oneHot.RowCount, oneHot.ColumnCount));
            Assert.All(oneHot.RowSums(), sum => Assert.Equal(1.0, sum));
            for (int i = 0; i < set.Count; i++)
                Assert.Equal(1.0, oneHot[i, set.Digits[i]]);
            Assert.Equal(set.Digits, set.Labels.ClassIndices());
        }
    }

    [Fact]
    public void Load_Sample_ReportsItsSourceInOneLine()
    {
        var log = new List<string>();
        MnistData data = LoadSample(log: log);

        string line = Assert.Single(log);
        Assert.Equal(data.Source, line);
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("MNIST: offline sample, 8000 train / 2000 test", line);
        Assert.Contains("checked intact", line);
        Assert.DoesNotContain(DataFolder.Require("MNIST sample"), line);
        Assert.DoesNotContain("npm", line);
        Assert.Contains("Mnist.Download()", line);
    }

    [Fact]
    public void ImageOf_IsTheRowFoldedInto28Rows()
    {
        var (train, _) = LoadSample();

        Matrix<double> image = train.ImageOf(0);

        Assert.Equal((28, 28), (image.RowCount, image.ColumnCount));
        Assert.Equal(254 / 255.0, image[14, 14]);
        Assert.Equal(train.Images[0, 5 * 28 + 17], image[5, 17]);
        Assert.Equal(train.Images.Row(0).Sum(), image.Enumerate().Sum(), 1e-9);
    }

    [Fact]
    public void Load_Directory_WithFewerLabelsThanImages_NamesBothFilesAndLoadsNothing()
    {
        using var temp = new TempFolder();
        IdxFixture.WriteTo(temp.Path, IdxFixture.Set(train: 30, trainLabels: 29));

        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(directory: temp.Path, log: _ => { }));

        Assert.Contains(temp.File(MnistFile.TrainImages), e.Message);
        Assert.Contains(temp.File(MnistFile.TrainLabels), e.Message);
        Assert.Contains("30 images but 29 labels", e.Message);
    }

    [Fact]
    public void Load_Directory_LabelAboveNine_Throws()
    {
        using var temp = new TempFolder();
        var files = IdxFixture.Set();
        byte[] labels = IdxFixture.Labels(10);
        labels[8 + 3] = 12;
        files[MnistFile.TestLabels] = IdxFixture.Gzip(labels);
        IdxFixture.WriteTo(temp.Path, files);

        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(directory: temp.Path, log: _ => { }));

        Assert.Contains("label 3 is 12, not a digit 0-9", e.Message);
    }

    [Fact]
    public void Load_Directory_UnknownFiles_AreLoadedAndSaidUnverified()
    {
        using var temp = new TempFolder();
        IdxFixture.WriteTo(temp.Path, IdxFixture.Set());

        MnistData data = Mnist.Load(directory: temp.Path, log: _ => { });

        Assert.Equal((30, 10), (data.Train.Count, data.Test.Count));
        Assert.Equal(IdxFixture.Pixel(784 + 5) / 255.0, data.Train.Images[1, 5]);
        Assert.Equal($"IDX files: 30 train / 10 test from {temp.Path} (IDX structure checked, not a published SHA-256)", data.Source);
    }

    [Fact]
    public void Read_DamagedSampleCopy_IsRefusedByItsChecksum()
    {
        using var temp = new TempFolder();
        string sample = Path.Combine(DataFolder.Find()!, "mnist-sample");
        foreach (string file in Directory.GetFiles(sample, "*.gz"))
            File.Copy(file, temp.File(Path.GetFileName(file)));
        byte[] labels = File.ReadAllBytes(temp.File(MnistFile.TestLabels));
        labels[^20] ^= 1;
        File.WriteAllBytes(temp.File(MnistFile.TestLabels), labels);

        var e = Assert.Throws<InvalidDataException>(
            () => MnistFolder.Read(temp.Path, MnistFile.Sample, strict: true, normalize: true, oneHotLabel: false));

        Assert.StartsWith(temp.File(MnistFile.TestLabels), e.Message);
        Assert.Contains("expected 1033 bytes with SHA-256 6a8e66ef", e.Message);
    }

    [Fact]
    public void Load_AutoWithDamagedCache_UsesTheSampleAndSaysWhy()
    {
        using var cache = new TempFolder();
        var files = IdxFixture.Set();
        var sums = IdxFixture.SumsOf(files);
        files[MnistFile.TestImages] = IdxFixture.Gzip(IdxFixture.Images(9));
        IdxFixture.WriteTo(cache.Path, files);
        var log = new List<string>();

        MnistData data = Mnist.Load(downloader: new MnistDownloader(cache.Path, files: sums), log: log.Add);

        Assert.Equal(8000, data.Train.Count);
        Assert.StartsWith("MNIST: offline sample", Assert.Single(log));
        Assert.Contains($"the cached full set is damaged, not used: {cache.File(MnistFile.TestImages)}", data.Source);
    }

    [Fact]
    public void Load_AutoWithVerifiedCache_UsesTheCache()
    {
        using var cache = new TempFolder();
        var files = IdxFixture.Set();
        IdxFixture.WriteTo(cache.Path, files);

        MnistData data = Mnist.Load(downloader: new MnistDownloader(cache.Path, files: IdxFixture.SumsOf(files)), log: _ => { });

        Assert.Equal((30, 10), (data.Train.Count, data.Test.Count));
        Assert.Equal($"MNIST: full set, 30 train / 10 test, from {cache.Path}, SHA-256 verified", data.Source);
    }

    [Fact]
    public void Load_FullWithoutCache_SaysHowToDownload()
    {
        using var cache = new TempFolder();

        var e = Assert.Throws<FileNotFoundException>(
            () => Mnist.Load(source: MnistSource.Full, downloader: new MnistDownloader(cache.Path), log: _ => { }));

        Assert.Contains($"full MNIST is not in {cache.Path}: run Mnist.Download()", e.Message);
    }

    [SkippableFact]
    public void Load_FashionMnist_ReadsTheDebianCopy()
    {
        if (DataFolder.Find() is not string data || !Directory.Exists(Path.Combine(data, "fashion-mnist")))
            Backprop.Tests.SystemPackage.RequirePath("dataset-fashion-mnist", "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
        var (train, test) = Mnist.Load(source: MnistSource.FashionMnist, oneHotLabel: true, log: _ => { });

        Assert.Equal((60000, 784), (train.Images.RowCount, train.Images.ColumnCount));
        Assert.Equal(10000, test.Count);
        Assert.Equal(Enumerable.Repeat(6000, 10), Enumerable.Range(0, 10).Select(d => train.Digits.Count(x => x == d)));
    }

    [Fact]
    public void DataFolder_IsFoundFromTheTestBinariesButNotFromTmp()
    {
        string? data = DataFolder.Find();

        Assert.NotNull(data);
        Assert.True(File.Exists(Path.Combine(data, "..", "Backprop.Lib.csproj")));
        Assert.Null(DataFolder.Find([Path.GetTempPath()]));
    }

    [Fact]
    public void ToImage_RowNotAMultipleOfRows_Throws()
    {
        var e = Assert.Throws<System.ArgumentException>(() => Mnist.ToImage(Vector<double>.Build.Dense(100)));

        Assert.Contains("a row of 100 values is not an image of 28 rows", e.Message);
    }
}
