using System.Collections;
using System.Globalization;
using System.Text;

namespace SaaSMdm.Apple.Plist;

/// <summary>An ordered, mutable list of values; supports collection initializers such as <c>new PlistArray { "a", 1 }</c>.</summary>
public sealed class PlistArray : PlistValue, IList<PlistValue>, IReadOnlyList<PlistValue>, IEquatable<PlistArray>
{
    private readonly List<PlistValue> _items;

    public PlistArray() => _items = [];

    public PlistArray(IEnumerable<PlistValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [];
        foreach (var item in items)
        {
            Add(item);
        }
    }

    internal PlistArray(int capacity) => _items = new List<PlistValue>(capacity);

    public override PlistValueKind Kind => PlistValueKind.Array;

    public int Count => _items.Count;

    bool ICollection<PlistValue>.IsReadOnly => false;

    public PlistValue this[int index]
    {
        get => _items[index];
        set => _items[index] = value ?? throw new ArgumentNullException(nameof(value));
    }

    public void Add(PlistValue item) => _items.Add(item ?? throw new ArgumentNullException(nameof(item)));

    public void Insert(int index, PlistValue item) => _items.Insert(index, item ?? throw new ArgumentNullException(nameof(item)));

    public bool Remove(PlistValue item) => _items.Remove(item);

    public void RemoveAt(int index) => _items.RemoveAt(index);

    public void Clear() => _items.Clear();

    public bool Contains(PlistValue item) => _items.Contains(item);

    public int IndexOf(PlistValue item) => _items.IndexOf(item);

    public void CopyTo(PlistValue[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    /// <summary>The element at <paramref name="index"/> as <typeparamref name="T"/>, or a <see cref="PlistTypeException"/>.</summary>
    public T Get<T>(int index)
        where T : PlistValue
    {
        if ((uint)index >= (uint)_items.Count)
        {
            throw new PlistTypeException(IndexPath(index), PlistKinds.Of<T>(), null);
        }

        return _items[index] as T ?? throw new PlistTypeException(IndexPath(index), PlistKinds.Of<T>(), _items[index].Kind);
    }

    /// <summary>Every element as <typeparamref name="T"/>; throws <see cref="PlistTypeException"/> at the first element of another type.</summary>
    public IEnumerable<T> Elements<T>()
        where T : PlistValue
    {
        for (var index = 0; index < _items.Count; index++)
        {
            yield return Get<T>(index);
        }
    }

    public List<PlistValue>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<PlistValue> IEnumerable<PlistValue>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override bool Equals(PlistValue? other) => Equals(other as PlistArray);

    public bool Equals(PlistArray? other) => other is { } array && array._items.Count == _items.Count && array._items.SequenceEqual(_items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    internal override void AppendText(StringBuilder text)
    {
        text.Append('[');
        for (var index = 0; index < _items.Count; index++)
        {
            if (index > 0)
            {
                text.Append(", ");
            }

            _items[index].AppendText(text);
        }

        text.Append(']');
    }

    private static string IndexPath(int index) => string.Create(CultureInfo.InvariantCulture, $"[{index}]");
}
