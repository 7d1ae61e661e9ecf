using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Backprop.Fast.Tests;

/// <summary>
/// The fast path's tests again, in a process whose JIT may use only 128-bit vectors, as on Apple silicon (NEON)
/// or an x86 machine without AVX: the Vector128 tile, and every loop's scalar tail, must give the same numbers.
/// </summary>
public class VectorFallbackTests
{
    [Fact]
    public async Task TheFastPathsTests_With128BitVectorsOnly_AllPass()
    {
        string tests = typeof(VectorFallbackTests).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            ArgumentList = { "test", tests, "--filter", $"FullyQualifiedName!~{nameof(VectorFallbackTests)}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(tests)!,
        };
        // The runtime's own switch: no AVX means no Vector256 (nor AVX2, FMA, AVX-512); Vector128 stays.
        start.Environment["DOTNET_EnableAVX"] = "0";

        using var child = Process.Start(start)!;
        var error = child.StandardError.ReadToEndAsync();
        string output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();

        Assert.True(child.ExitCode == 0, $"the tests without AVX failed (exit {child.ExitCode}):\n{Tail(output)}\n{await error}");
        // Provider_NamesTheTileThisMachineRuns is among them: passing there means the Vector128 tile ran.
        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+[1-9][0-9]+", output);
    }

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;
}
