using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Backprop.Kernel.Tests")]
