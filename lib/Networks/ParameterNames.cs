using System.Collections;
using System.Collections.Generic;

namespace Backprop;

/// <summary>
/// The names of a <see cref="Parameters"/>, in the order they were added. A struct with its own enumerator,
/// so that the training loop's <c>foreach (string key in grad.Keys)</c> allocates nothing.
/// </summary>
public readonly struct ParameterNames : IReadOnlyList<string>
{
    private readonly List<string> _names;

    internal ParameterNames(List<string> names) => _names = names;

    public int Count => _names.Count;

    public string this[int index] => _names[index];

    public List<string>.Enumerator GetEnumerator() => _names.GetEnumerator();

    IEnumerator<string> IEnumerable<string>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
