using System;

namespace Backprop.Notebooks;

/// <summary>A package restore that failed; the message quotes the restore's own errors.</summary>
public sealed class NuGetRestoreException : Exception
{
    public NuGetRestoreException(string message)
        : base(message)
    {
    }
}
