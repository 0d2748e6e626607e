using FsCheck;
using FsCheck.Fluent;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.Apple.Tests.Plist;

public class PlistlibRoundTripTests
{
    private const int CasesPerBatch = 200;
    private const int Batches = 3;

    /// <summary>
    /// Random trees: plistlib reads our XML and binary as the same value, and our reader reads what plistlib
    /// writes (from the independently described value, and from its reading of ours) as the original.
    /// Failures list every disagreeing case with its value.
    /// </summary>
    [Fact]
    public void Random_trees_agree_with_plistlib_in_both_directions_and_both_formats()
    {
        var batches = Arb.From(Gen.ArrayOf(PlistGenerators.PlistlibTree, CasesPerBatch));
        var property = Prop.ForAll(batches, (PlistValue[] cases) => PlistlibBridge.AssertAgreement(cases));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Batches), property);
    }

    /// <summary>Control characters and carriage returns have no XML form in plistlib, but binary plists carry them.</summary>
    [Fact]
    public void Control_characters_survive_plistlib_in_binary()
    {
        var value = new PlistDictionary { { "k\0", "a\u0001b\rc\r\nd\u001f" } };
        const string script = "import plistlib, sys; sys.stdout.buffer.write(plistlib.dumps(plistlib.loads(sys.stdin.buffer.read()), fmt=plistlib.FMT_BINARY))";
        var theirs = PlistlibBridge.RunPython(PlistWriter.WriteBinary(value), "-c", script);
        Assert.Equal(value, PlistReader.Read(theirs));
    }
}
