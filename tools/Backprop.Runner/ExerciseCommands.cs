using System;
using System.IO;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>`release` and `grade`, the teacher's commands for the lessons' exercises, with the runner's exit codes.</summary>
internal static class ExerciseCommands
{
    public static bool Handles(string command) => command is "release" or "grade";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args[0] == "release"
                ? ReleaseCommand.Run(args[1..], stdout, stderr)
                : await GradeCommand.RunAsync(args[1..], stdout, stderr);
        }
        catch (Exception e) when (e is UsageException or FormatException or NotebookFormatException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
