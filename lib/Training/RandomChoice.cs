using System;

namespace Backprop;

/// <summary>numpy's <c>np.random.choice(train_size, batch_size)</c>, the mini-batch draw of §4.2.3 and §5.7.4.</summary>
public static class RandomChoice
{
    /// <summary><paramref name="size"/> row numbers from 0 to n − 1, drawn with replacement.</summary>
    public static int[] Choice(this Random random, int n, int size)
    {
        ArgumentNullException.ThrowIfNull(random);
        var rows = new int[size];
        for (int k = 0; k < size; k++)
        {
            rows[k] = random.Next(n);
        }
        return rows;
    }
}
