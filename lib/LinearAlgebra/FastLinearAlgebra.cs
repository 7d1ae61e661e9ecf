using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Backprop.LinearAlgebra;

/// <summary>Installs <see cref="FastLinearAlgebraProvider"/> as MathNet's provider as soon as this library is loaded.</summary>
internal static class FastLinearAlgebra
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The whole point: every MathNet product in a process that uses the lessons' library runs fast, with no call to remember.")]
    internal static void Install()
    {
        // MathNet would otherwise spend ~10 ms probing for MKL/OpenBLAS/CUDA binaries that are not there.
        AppContext.SetSwitch("Switch.MathNet.Numerics.Providers.DisableNativeProviderProbing", true);
        LinearAlgebraControl.Provider = FastLinearAlgebraProvider.Instance;
    }
}
