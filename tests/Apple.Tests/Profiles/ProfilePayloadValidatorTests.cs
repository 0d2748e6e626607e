using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Profiles;
using SaaSMdm.Apple.Schema;

namespace SaaSMdm.Apple.Tests.Profiles;

public sealed class ProfilePayloadValidatorTests
{
    private static readonly ProfilePayloadValidator Validator = new();

    [Fact]
    public void Checks_common_keys_and_the_keys_of_the_payload_type()
    {
        var payload = Payload("com.apple.security.pkcs12").Add("PayloadContent", new byte[] { 1 }).Add("Pasword", "typo");
        payload.Remove("PayloadUUID");

        var result = Validator.ValidatePayload(payload, "PayloadContent[0]");

        Assert.Equal(
            [("PayloadContent[0].PayloadUUID", SchemaProblemKind.MissingRequiredKey), ("PayloadContent[0].Pasword", SchemaProblemKind.UnknownKey)],
            result.Problems.Select(problem => (problem.Path, problem.Kind)));
    }

    [Fact]
    public void An_unknown_payload_type_is_an_error()
    {
        var problem = Assert.Single(Validator.ValidatePayload(Payload("com.example.custom")).Problems);

        Assert.Equal(("PayloadType", SchemaProblemKind.UnknownType), (problem.Path, problem.Kind));
    }

    [Fact]
    public void A_type_with_several_files_passes_when_one_accepts_the_payload()
    {
        var energySaver = Payload("com.apple.MCX").Add("com.apple.EnergySaver.desktop.ACPower", new PlistDictionary().Add("Display Sleep Timer", 0));
        var timeServer = Payload("com.apple.MCX").Add("timeServer", "time.apple.com");

        Assert.True(AppleSchemaCatalog.Default.FindProfilePayloads("com.apple.MCX").Count > 1);
        Assert.True(Validator.ValidatePayload(energySaver).IsValid, Validator.ValidatePayload(energySaver).ToString());
        Assert.True(Validator.ValidatePayload(timeServer).IsValid, Validator.ValidatePayload(timeServer).ToString());
    }

    [Fact]
    public void Checks_the_profile_itself_and_every_payload()
    {
        var profile = new PlistDictionary()
            .Add("PayloadType", "Configuration")
            .Add("PayloadVersion", 2)
            .Add("PayloadIdentifier", "com.example.profile")
            .Add("PayloadUUID", "6A5B4C3D-2E1F-4A0B-9C8D-7E6F5A4B3C2D")
            .Add("PayloadContent", new PlistArray { Payload("com.apple.security.pkcs12") });

        var result = Validator.ValidateProfile(profile);

        Assert.Equal(
            [("PayloadVersion", SchemaProblemKind.ValueNotAllowed), ("PayloadContent[0].PayloadContent", SchemaProblemKind.MissingRequiredKey)],
            result.Problems.Select(problem => (problem.Path, problem.Kind)));
    }

    private static PlistDictionary Payload(string type) => new PlistDictionary()
        .Add("PayloadType", type)
        .Add("PayloadVersion", 1)
        .Add("PayloadIdentifier", "com.example.payload")
        .Add("PayloadUUID", "1A2B3C4D-5E6F-4A0B-9C8D-7E6F5A4B3C2D");
}
