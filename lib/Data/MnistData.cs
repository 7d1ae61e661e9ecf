namespace Backprop;

/// <summary>What <see cref="Mnist.Load"/> returns: both halves and one line saying where they came from, §3.6.1.</summary>
/// <remarks>Deconstructs like the book's pair of tuples: <c>var (train, test) = Mnist.Load();</c></remarks>
public sealed record MnistData(MnistSet Train, MnistSet Test, string Source)
{
    public void Deconstruct(out MnistSet train, out MnistSet test)
    {
        train = Train;
        test = Test;
    }

    public override string ToString() => Source;
}
