using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

public sealed class NuGetRestorerTests
{
    // A course rebuilds its own library under the same version; NuGet's global folder would keep the first build.
    [Fact]
    public async Task ALocalPackageRebuiltUnderTheSameVersion_RestoresItsNewContent()
    {
        var scratch = NewScratch();
        var feed = Directory.CreateDirectory(Path.Combine(scratch, "packages")).FullName;
        var restorer = new NuGetRestorer(Path.Combine(scratch, "cache"), OfflineSources);
        (string, string?)[] packages = [("Course.Fixture", "1.0.0")];

        WritePackage(feed, "first build");
        var first = Assert.Single(await restorer.RestoreAsync(packages, [feed], CancellationToken.None));
        Assert.Equal("first build", File.ReadAllText(first));

        WritePackage(feed, "second build");
        var second = Assert.Single(await restorer.RestoreAsync(packages, [feed], CancellationToken.None));
        Assert.Equal("second build", File.ReadAllText(second));
    }

    private static void WritePackage(string feed, string libraryContent)
    {
        var path = Path.Combine(feed, "Course.Fixture.1.0.0.nupkg");
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, "Course.Fixture.nuspec",
            "<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata>"
            + "<id>Course.Fixture</id><version>1.0.0</version><authors>course</authors><description>a rebuilt library</description>"
            + "</metadata></package>");
        Write(zip, "lib/net10.0/Course.Fixture.dll", libraryContent);
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
