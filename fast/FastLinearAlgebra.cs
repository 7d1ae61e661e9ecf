using System;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Backprop.Fast;

/// <summary>The one call that puts <see cref="FastLinearAlgebraProvider"/> under every MathNet product (lesson 6, §5.7.4).</summary>
public static class FastLinearAlgebra
{
    /// <summary>
    /// Makes a provider with these options MathNet's linear-algebra provider for the whole process and returns it.
    /// The layers do not change: <c>x * W</c>, <c>W - lr * dW</c> and friends simply run on it.
    /// </summary>
    public static FastLinearAlgebraProvider Install(FastLinearAlgebraOptions? options = null)
    {
        // MathNet would otherwise spend ~10 ms probing for MKL/OpenBLAS/CUDA binaries that are not there.
        AppContext.SetSwitch("Switch.MathNet.Numerics.Providers.DisableNativeProviderProbing", true);
        var provider = new FastLinearAlgebraProvider(options ?? new FastLinearAlgebraOptions());
        LinearAlgebraControl.Provider = provider;
        return provider;
    }

    /// <summary>Puts MathNet's own managed provider back (to compare, or to step through MathNet's code).</summary>
    public static void Uninstall() => LinearAlgebraControl.Provider = ManagedLinearAlgebraProvider.Instance;
}
