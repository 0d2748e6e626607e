using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

/// <summary>Our own writer and reader agree; the plistlib tests check both against an independent implementation.</summary>
public class PlistRoundTripTests
{
    [Fact]
    public void Random_trees_round_trip_through_our_xml_and_binary()
    {
        var property = Prop.ForAll(Arb.From(PlistGenerators.Tree(4)), value =>
        {
            Assert.Equal(value, PlistReader.Read(PlistWriter.WriteXml(value)));
            Assert.Equal(value, PlistReader.Read(PlistWriter.WriteBinary(value)));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void Binary_keeps_what_xml_cannot_carry()
    {
        var value = new PlistDictionary
        {
            { "control\0characters", "\u0001\r\n\u001f\uFFFE" },
            { "fraction of a second", new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero) },
        };
        Assert.Equal(value, PlistReader.Read(PlistWriter.WriteBinary(value)));
    }
}
