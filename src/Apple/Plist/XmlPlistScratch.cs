using System.Buffers;

namespace SaaSMdm.Apple.Plist;

/// <summary>Reusable buffers of one XML read: containers are collected here so each is allocated once at its final size.</summary>
internal sealed class XmlPlistScratch
{
    public List<KeyedValue> Entries { get; } = [];

    public List<PlistValue> Items { get; } = [];

    /// <summary>Text that needed decoding (entities, CDATA, line breaks); holds one element's text at a time.</summary>
    public ArrayBufferWriter<byte> Text { get; } = new();

    public PlistKeyCache Keys { get; } = new();

    public readonly record struct KeyedValue(string Key, PlistValue Value, int KeyPosition);
}
