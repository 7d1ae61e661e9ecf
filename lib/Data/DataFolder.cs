using System;
using System.Collections.Generic;
using System.IO;

namespace Backprop;

/// <summary>Finds the repository's data/ folder from wherever the code runs (notebook folder, test bin, artifacts/lib).</summary>
internal static class DataFolder
{
    public static string? Find() => Find(StartingPoints());

    public static string? Find(IEnumerable<string> startingPoints)
    {
        foreach (string start in startingPoints)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string data = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(data) && File.Exists(Path.Combine(dir.FullName, "Backprop.Lib.csproj")))
                    return data;
            }
        }
        return null;
    }

    public static string Require(string what)
    {
        return Find() ?? throw new DirectoryNotFoundException(
            $"{what}: cannot find the repository's data/ folder (a folder holding data/ and Backprop.Lib.csproj) "
            + $"above {string.Join(" or ", StartingPoints())}; pass directory: to Mnist.Load");
    }

    private static IEnumerable<string> StartingPoints()
    {
        var points = new List<string> { Directory.GetCurrentDirectory() };
        // Location is empty when the assembly was loaded from bytes (some notebook kernels do this).
        string location = typeof(DataFolder).Assembly.Location;
        if (location.Length > 0)
            points.Add(Path.GetDirectoryName(location)!);
        points.Add(AppContext.BaseDirectory);
        return points;
    }
}
