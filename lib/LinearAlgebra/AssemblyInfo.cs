using System.Runtime.CompilerServices;

// The benchmark tool times the kernel directly and switches the second core off to compare.
[assembly: InternalsVisibleTo("Backprop.Benchmarks")]
