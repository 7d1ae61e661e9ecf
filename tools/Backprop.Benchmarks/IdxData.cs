using System.IO;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The four IDX files as the book's load_mnist(normalize=True, one_hot_label=True) gives them, read by the
/// library's <see cref="Mnist.Load"/> from the same folder the numpy script reads.
/// </summary>
internal sealed record IdxData(string Directory, MnistSet Train, MnistSet Test)
{
    public Matrix<double> XTrain => Train.Images;

    public Labels TTrain => Train.Labels;

    public Matrix<double> XTest => Test.Images;

    public Labels TTest => Test.Labels;

    public static readonly string[] Directories = ["/usr/share/datasets/mnist", "/usr/share/datasets/fashion-mnist"];

    public static IdxData Load()
    {
        foreach (string dir in Directories)
        {
            if (File.Exists(Path.Combine(dir, "train-images-idx3-ubyte.gz")))
            {
                var (train, test) = Mnist.Load(oneHotLabel: true, directory: dir, log: _ => { });
                return new IdxData(dir, train, test);
            }
        }

        throw new FileNotFoundException($"No MNIST or Fashion-MNIST IDX files in {string.Join(" or ", Directories)} (apt-get install dataset-fashion-mnist).");
    }
}
