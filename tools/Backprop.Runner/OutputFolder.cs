using System;
using System.IO;

namespace Backprop.Runner;

/// <summary>Creates the output folder and proves it writable before the first cell runs, so no run ends with nowhere to save.</summary>
internal static class OutputFolder
{
    public static void Prepare(string output)
    {
        try
        {
            Directory.CreateDirectory(output);
            var probe = Path.Combine(output, $".backprop-write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"the output folder {output} cannot be written ({e.Message}); choose another with -o.");
        }
    }
}
