using System;
using System.IO;
using System.Linq;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

public sealed class NuGetConfigSourcesTests
{
    [Fact]
    public void Find_ReadsTheNotebookFoldersConfigAndThoseAbove_FoldersFromEachFilesOwnPlace()
    {
        var root = Directory.CreateTempSubdirectory("nuget-config-").FullName;
        try
        {
            var notebooks = Directory.CreateDirectory(Path.Combine(root, "course", "notebooks")).FullName;
            File.WriteAllText(Path.Combine(notebooks, "NuGet.Config"),
                "<configuration><packageSources><add key=\"course\" value=\"../artifacts/packages\" /></packageSources></configuration>");
            File.WriteAllText(Path.Combine(root, "nuget.config"),
                "<configuration><packageSources><add key=\"feed\" value=\"https://example.org/v3/index.json\" /><add key=\"shared\" value=\"shared\" /></packageSources></configuration>");

            // A config further up (the machine's own) may add more after these.
            var sources = NuGetConfigSources.Find(notebooks).Take(3);

            Assert.Equal(
                [Path.Combine(root, "course", "artifacts", "packages"), "https://example.org/v3/index.json", Path.Combine(root, "shared")],
                sources);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Find_WithABrokenConfig_NamesTheFile()
    {
        var root = Directory.CreateTempSubdirectory("nuget-config-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "NuGet.Config"), "<configuration><packageSources>");
            var error = Assert.Throws<NuGetRestoreException>(() => NuGetConfigSources.Find(root));
            Assert.Contains(Path.Combine(root, "NuGet.Config"), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TheLessonsFolder_NamesTheCoursesPackageFolder() =>
        Assert.Contains(Path.Combine(RepoRoot, "artifacts", "packages"), NuGetConfigSources.Find(Path.Combine(RepoRoot, "notebooks")));
}
