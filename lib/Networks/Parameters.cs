using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// The book's <c>params</c> dictionary (§5.7.2), but writing a key copies the values INTO the
/// existing matrix, as numpy's in-place <c>-=</c> does: <c>net.Params["W1"] -= lr * grad["W1"];</c>
/// therefore reaches the layers that share that matrix. Biases are 1×n rows, so the line is legal for every key.
/// </summary>
public sealed class Parameters : IEnumerable<KeyValuePair<string, Matrix<double>>>
{
    private readonly OrderedDictionary<string, Matrix<double>> _values = [];

    /// <summary>The names, in the order they were added.</summary>
    public IReadOnlyList<string> Keys => _values.Keys;

    public int Count => _values.Count;

    public Matrix<double> this[string name]
    {
        get => _values.TryGetValue(name, out var m) ? m : throw new KeyNotFoundException(Messages.NoParameter(name, _values.Keys));
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var target = this[name];
            if (value.RowCount != target.RowCount || value.ColumnCount != target.ColumnCount)
            {
                throw new ArgumentException(Messages.ParameterShape(name, value, target), nameof(value));
            }
            value.CopyTo(target);
        }
    }

    /// <summary>Adds a new entry that holds <paramref name="value"/> itself (not a copy).</summary>
    public void Add(string name, Matrix<double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_values.TryAdd(name, value))
        {
            throw new ArgumentException($"Parameters: \"{name}\" is already there.", nameof(name));
        }
    }

    public bool ContainsKey(string name) => _values.ContainsKey(name);

    public IEnumerator<KeyValuePair<string, Matrix<double>>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        "Parameters" + string.Concat(_values.Select(p => $"\n  {p.Key}: {Shape.Of(p.Value)}"));
}
