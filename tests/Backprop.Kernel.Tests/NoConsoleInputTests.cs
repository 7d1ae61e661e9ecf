using System;

namespace Backprop.Kernel.Tests;

public sealed class NoConsoleInputTests
{
    [Fact]
    public void ReadLine_FailsAtOnceWithAMessageSayingWhatToDo()
    {
        using var input = new NoConsoleInput();

        var error = Assert.Throws<NotSupportedException>(() => input.ReadLine());

        Assert.Contains("give the value in the cell", error.Message);
        Assert.Throws<NotSupportedException>(() => input.Read());
    }
}
