namespace Backprop;

/// <summary>Where <see cref="Mnist.Load"/> takes its digits from, §3.6.1.</summary>
public enum MnistSource
{
    /// <summary>Full MNIST if it is cached (or downloaded, when asked), else the offline sample.</summary>
    Auto,

    /// <summary>Full MNIST (60,000 / 10,000) from the cache, or downloaded when asked; an error otherwise.</summary>
    Full,

    /// <summary>The 8,000 / 2,000 real digits shipped in data/mnist-sample: works offline.</summary>
    Sample,

    /// <summary>Zalando's Fashion-MNIST (same format): data/fashion-mnist or /usr/share/datasets/fashion-mnist.</summary>
    FashionMnist,
}
