using System;

namespace Backprop.Kernel.Protocol;

/// <summary>A message that must be dropped: malformed, unsigned or wrongly signed.</summary>
public sealed class InvalidWireMessageException : Exception
{
    public InvalidWireMessageException(string message)
        : base(message)
    {
    }
}
