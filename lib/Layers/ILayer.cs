using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The contract every array layer of §5.5–5.6 keeps: forward caches what backward needs.</summary>
/// <remarks>
/// A batch is a matrix with one sample per row. Forward and Backward return new matrices the caller owns:
/// a later call never changes an earlier result. Layers never modify the matrices they are given.
/// </remarks>
public interface ILayer
{
    /// <summary>The name used in error messages and when a network is printed, e.g. "Affine1".</summary>
    string Name { get; }

    Matrix<double> Forward(Matrix<double> x);

    Matrix<double> Backward(Matrix<double> dout);
}
