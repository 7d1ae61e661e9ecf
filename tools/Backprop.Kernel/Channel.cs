namespace Backprop.Kernel;

/// <summary>The kernel's sockets that carry messages (heartbeat only echoes bytes).</summary>
public enum Channel
{
    Shell,
    Control,
    IOPub,
    Stdin,
}
