using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

/// <summary>Random property-list trees covering every type and the edge values each format must carry.</summary>
internal static class PlistGenerators
{
    private const int MaxDepth = 4;
    private const int MaxContainerItems = 6;

    private static readonly DateTimeOffset EarliestDate = new(1901, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Trees that plistlib can carry faithfully. plistlib's binary writer stores equal scalars once and
    /// thinks 0.0 equals -0.0, so a tree holding both would come back with one sign; such trees are left out.
    /// </summary>
    public static Gen<PlistValue> PlistlibTree => Tree(MaxDepth).Where(tree => !(HasReal(tree, 0.0) && HasReal(tree, -0.0)));

    public static Gen<PlistValue> Tree(int depth) =>
        depth == 0
            ? Scalar
            : Gen.Frequency(
                (4, Scalar),
                (1, Dictionary(depth - 1).Select(d => (PlistValue)d)),
                (1, Array(depth - 1).Select(a => (PlistValue)a)));

    public static Gen<PlistValue> Scalar => Gen.OneOf(
        Text.Select(s => (PlistValue)new PlistString(s)),
        Integer.Select(i => (PlistValue)new PlistInteger(i)),
        Real.Select(r => (PlistValue)new PlistReal(r)),
        Gen.Elements(true, false).Select(b => (PlistValue)PlistBoolean.From(b)),
        Date.Select(d => (PlistValue)new PlistDate(d)),
        Bytes.Select(b => (PlistValue)new PlistData(b)));

    /// <summary>Strings of printable ASCII, XML's special characters, tab and LF, the rest of the BMP and astral characters.</summary>
    public static Gen<string> Text => Gen.Choose(0, 12).SelectMany(length => Gen.ArrayOf(TextPiece, length)).Select(string.Concat);

    public static Gen<long> Integer => Gen.Frequency(
        (3, Gen.Choose(-300, 70_000).Select(i => (long)i)),
        (2, Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L, int.MinValue, int.MaxValue, uint.MaxValue, 1L << 32, (1L << 53) + 1, long.MinValue + 1)),
        (3, Gen.Two(Gen.Choose(int.MinValue, int.MaxValue)).Select(t => ((long)t.Item1 << 32) | (uint)t.Item2)));

    public static Gen<double> Real => Gen.Frequency(
        (2, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.Epsilon, double.MaxValue, double.MinValue, 1.0, 0.1, 1e300, -2.5e-300)),
        (2, Gen.Choose(-100_000, 100_000).Select(i => i / 64.0)),
        (3, Gen.Two(Gen.Choose(int.MinValue, int.MaxValue)).Select(t => BitConverter.Int64BitsToDouble(((long)t.Item1 << 32) | (uint)t.Item2))));

    /// <summary>Whole seconds from 1901 to about 2200: XML carries no fractions.</summary>
    public static Gen<DateTimeOffset> Date =>
        Gen.Zip(Gen.Choose(0, 109_000), Gen.Choose(0, 86_399)).Select(t => EarliestDate.AddDays(t.Item1).AddSeconds(t.Item2));

    public static Gen<byte[]> Bytes =>
        Gen.Choose(0, 40).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length));

    private static Gen<string> TextPiece => Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (2, Gen.Elements("&", "<", ">", "\"", "'", "\t", "\n", "]]>", "&amp;", " ")),
        (2, Gen.Choose(0xA0, 0xD7FF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0xE000, 0xFFFD).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0x10000, 0x10FFFF).Select(c => new Rune(c).ToString())));

    private static Gen<PlistDictionary> Dictionary(int depth) =>
        Gen.Choose(0, MaxContainerItems)
            .SelectMany(count => Gen.ArrayOf(Gen.Zip(Text, Tree(depth)), count))
            .Select(entries =>
            {
                var dictionary = new PlistDictionary();
                foreach (var (key, value) in entries)
                {
                    dictionary.Set(key, value);
                }

                return dictionary;
            });

    private static Gen<PlistArray> Array(int depth) =>
        Gen.Choose(0, MaxContainerItems).SelectMany(count => Gen.ArrayOf(Tree(depth), count)).Select(items => new PlistArray(items));

    private static bool HasReal(PlistValue value, double wanted) => value switch
    {
        PlistReal real => real.Equals(new PlistReal(wanted)),
        PlistArray array => array.Any(item => HasReal(item, wanted)),
        PlistDictionary dictionary => dictionary.Values.Any(item => HasReal(item, wanted)),
        _ => false,
    };
}
