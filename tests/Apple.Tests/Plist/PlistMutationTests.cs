using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

/// <summary>Whatever bytes arrive, the reader returns a value or throws <see cref="PlistFormatException"/>; nothing else escapes.</summary>
public class PlistMutationTests
{
    private enum Edit
    {
        Overwrite,
        OverwriteTrailer,
        Truncate,
        Delete,
        Insert,
        Duplicate,
    }

    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x0F, 0x10, 0x13, 0x14, 0x4F, 0x5F, 0x6F, 0x7F, 0x80, 0xA1, 0xAF, 0xD1, 0xDF, 0xFF, (byte)'<', (byte)'>', (byte)'&', (byte)'/', (byte)';', (byte)'"', (byte)'[', (byte)'#'];

    [Fact]
    public void Mutated_plists_yield_a_value_or_a_PlistFormatException()
    {
        var inputs =
            from tree in PlistGenerators.Tree(3)
            from binary in Gen.Elements(true, false)
            from edits in Gen.Choose(1, 4).SelectMany(count => Gen.ArrayOf(Mutation, count))
            select Apply(binary ? PlistWriter.WriteBinary(tree) : PlistWriter.WriteXml(tree), edits);
        AssertOnlyFormatErrors(inputs, tests: 3000);
    }

    [Fact]
    public void Random_bytes_after_a_plist_header_yield_a_value_or_a_PlistFormatException()
    {
        var headers = Gen.Elements("bplist00"u8.ToArray(), "<?xml version=\"1.0\"?><plist>"u8.ToArray(), "<plist><dict><key>"u8.ToArray(), [0xFF, 0xFE], []);
        var inputs =
            from header in headers
            from body in Gen.Choose(0, 64).SelectMany(length => Gen.ArrayOf(Gen.Elements(InterestingBytes), length))
            select header.Concat(body).ToArray();
        AssertOnlyFormatErrors(inputs, tests: 3000);
    }

    private static Gen<(Edit Kind, double Where, double Size, byte Value)> Mutation =>
        from kind in Gen.Elements(Enum.GetValues<Edit>())
        from place in Gen.Choose(0, 10_000).Select(i => i / 10_000.0)
        from size in Gen.Choose(0, 10_000).Select(i => i / 10_000.0)
        from value in Gen.Frequency((1, Gen.Choose(0, 255).Select(b => (byte)b)), (1, Gen.Elements(InterestingBytes)))
        select (kind, place, size, value);

    private static byte[] Apply(byte[] input, IEnumerable<(Edit Kind, double Where, double Size, byte Value)> edits)
    {
        var bytes = input.ToList();
        foreach (var (kind, where, size, value) in edits)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var position = (int)(where * (bytes.Count - 1));
            var length = Math.Min((int)(size * 16) + 1, bytes.Count - position);
            switch (kind)
            {
                case Edit.Overwrite:
                    bytes[position] = value;
                    break;
                case Edit.OverwriteTrailer:
                    bytes[Math.Max(0, bytes.Count - 1 - (int)(size * 32))] = value;
                    break;
                case Edit.Truncate:
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                case Edit.Delete:
                    bytes.RemoveRange(position, length);
                    break;
                case Edit.Insert:
                    bytes.InsertRange(position, Enumerable.Repeat(value, length));
                    break;
                case Edit.Duplicate:
                    bytes.InsertRange(position, bytes.GetRange(position, length));
                    break;
            }
        }

        return [.. bytes];
    }

    private static void AssertOnlyFormatErrors(Gen<byte[]> inputs, int tests)
    {
        var property = Prop.ForAll(Arb.From(inputs), input =>
        {
            try
            {
                PlistReader.Read(input);
            }
            catch (PlistFormatException)
            {
                // The expected way to refuse bad input; any other exception fails the property.
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(tests), property);
    }
}
