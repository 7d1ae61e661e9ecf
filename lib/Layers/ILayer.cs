using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The contract every array layer of §5.5–5.6 keeps: forward caches what backward needs.</summary>
public interface ILayer
{
    Matrix<double> Forward(Matrix<double> x);

    Matrix<double> Backward(Matrix<double> dout);
}
