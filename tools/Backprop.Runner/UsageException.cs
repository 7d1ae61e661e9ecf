using System;

namespace Backprop.Runner;

/// <summary>A command line that names missing files or an unsafe output folder.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
