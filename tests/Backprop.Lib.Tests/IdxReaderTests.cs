using System;
using System.IO;
using Backprop;

namespace Backprop.Lib.Tests;

public class IdxReaderTests
{
    private static string SampleFile(string name) =>
        Path.Combine(DataFolder.Find() ?? throw new DirectoryNotFoundException("repository data/"), "mnist-sample", name);

    [Fact]
    public void ReadImages_ShippedSample_Has8000ImagesOf28x28()
    {
        IdxImages images = IdxReader.ReadImages(SampleFile(MnistFile.TrainImages));

        Assert.Equal((8000, 28, 28), (images.Count, images.Rows, images.Columns));
        Assert.Equal(8000 * 784, images.Pixels.Length);
        Assert.Equal(2000, IdxReader.ReadLabels(SampleFile(MnistFile.TestLabels)).Length);
    }

    [Fact]
    public void ReadImages_RawOrGzipUnderAnyName_GiveTheSamePixels()
    {
        using var temp = new TempFolder();
        byte[] raw = IdxFixture.Images(3);
        File.WriteAllBytes(temp.File("raw.gz"), raw);
        File.WriteAllBytes(temp.File("zipped.idx"), IdxFixture.Gzip(raw));

        IdxImages fromRaw = IdxReader.ReadImages(temp.File("raw.gz"));
        IdxImages fromGzip = IdxReader.ReadImages(temp.File("zipped.idx"));

        Assert.Equal(raw[16..], fromRaw.Pixels);
        Assert.Equal(raw[16..], fromGzip.Pixels);
    }

    [Fact]
    public void ReadImages_LabelFile_NamesFileAndBothMagicNumbers()
    {
        var e = ReadBadImages(IdxFixture.Gzip(IdxFixture.Labels(5)), out string path);

        Assert.Contains(path, e.Message);
        Assert.Contains("0x00000803", e.Message);
        Assert.Contains("found 0x00000801", e.Message);
    }

    [Fact]
    public void ReadImages_TruncatedPixels_SaysTruncated()
    {
        byte[] raw = IdxFixture.Images(4);
        var e = ReadBadImages(IdxFixture.Gzip(raw[..^100]), out string path);

        Assert.Contains(path, e.Message);
        Assert.Contains($"expected ({4 * 784} bytes), found only {4 * 784 - 100}", e.Message);
    }

    [Fact]
    public void ReadImages_MoreBytesThanTheHeaderCounts_Throws()
    {
        byte[] raw = IdxFixture.Images(4);
        var e = ReadBadImages([.. raw, 1, 2, 3], out string path);

        Assert.Contains(path, e.Message);
        Assert.Contains("3 more byte(s) follow", e.Message);
    }

    [Fact]
    public void ReadImages_GzNameButNotGzip_SaysNotGzip()
    {
        var e = ReadBadImages("<html>503 Service Unavailable</html>"u8.ToArray(), out string path);

        Assert.Contains(path, e.Message);
        Assert.Contains("not gzip", e.Message);
    }

    [Fact]
    public void ReadImages_DamagedGzip_SaysDamaged()
    {
        byte[] gzip = IdxFixture.Gzip(IdxFixture.Images(20));
        for (int i = 40; i < gzip.Length - 8; i += 3)
            gzip[i] ^= 0x5a;

        var e = ReadBadImages(gzip, out string path);

        Assert.Contains(path, e.Message);
        Assert.Contains("gzip data is damaged", e.Message);
    }

    [Fact]
    public void ReadImages_EmptyFile_SaysEmpty()
    {
        var e = ReadBadImages([], out string path);

        Assert.Equal($"{path}: the file is empty", e.Message);
    }

    [Fact]
    public void ReadLabels_TruncatedHeader_SaysTruncated()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File("labels"), IdxFixture.Labels(10)[..6]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(temp.File("labels")));

        Assert.Contains("the label count expected (4 bytes), found only 2", e.Message);
    }

    [Fact]
    public void ReadImages_HeaderClaimingMillionsOfImages_FailsOnTheLengthBeforeAllocating()
    {
        byte[] file = IdxFixture.Images(1)[..40];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(4), 2_500_000);
        long before = System.GC.GetAllocatedBytesForCurrentThread();

        var e = ReadBadImages(file, out string path);

        Assert.Contains(path, e.Message);
        Assert.Contains($"2500000 images of 28x28 pixels expected ({2_500_000L * 784} bytes), found only 24", e.Message);
        Assert.True(System.GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "the header's count was allocated before the length was checked");
    }

    [Fact]
    public void ReadImages_GzipWhoseHeaderClaimsMoreThanItHolds_ComparesTheDecompressedLength()
    {
        byte[] raw = IdxFixture.Images(2);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(raw.AsSpan(4), 9);

        var e = ReadBadImages(IdxFixture.Gzip(raw), out string path);

        Assert.Contains($"9 images of 28x28 pixels expected ({9 * 784} bytes), found only {2 * 784}", e.Message);
    }

    [Fact]
    public void ReadImages_AFolderWhereTheFileShouldBe_SaysItIsAFolder()
    {
        using var temp = new TempFolder();
        string path = temp.File(MnistFile.TrainImages);
        Directory.CreateDirectory(path);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Equal($"{path}: is a folder, not an IDX file", e.Message);
    }

    [Fact]
    public void ReadImages_OneFlippedByteInTheGzipHeader_SaysDamagedWithoutDotnetWording()
    {
        byte[] gzip = IdxFixture.Gzip(IdxFixture.Images(5));
        gzip[2] ^= 0xff; // the compression method byte: .NET's own message would say "unsupported compression method"

        var e = ReadBadImages(gzip, out string path);

        Assert.StartsWith($"{path}: the gzip data is damaged", e.Message);
        Assert.DoesNotContain("unsupported", e.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ZeroImagesOrLabels_IsAnEmptySetError(bool images)
    {
        using var temp = new TempFolder();
        string path = temp.File("empty-set");
        File.WriteAllBytes(path, images ? IdxFixture.Images(0) : IdxFixture.Labels(0));

        var e = Assert.Throws<InvalidDataException>(() => images ? (object)IdxReader.ReadImages(path) : IdxReader.ReadLabels(path));

        Assert.Contains($"{path}: the header's {(images ? "image" : "label")} count is 0: the set is empty", e.Message);
    }

    private static InvalidDataException ReadBadImages(byte[] bytes, out string path)
    {
        using var temp = new TempFolder();
        path = temp.File(MnistFile.TrainImages);
        File.WriteAllBytes(path, bytes);
        string file = path;
        return Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(file));
    }
}
