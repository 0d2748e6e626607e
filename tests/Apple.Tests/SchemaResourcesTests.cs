namespace SaaSMdm.Apple.Tests;

public class SchemaResourcesTests
{
    [Fact]
    public void Apple_schema_is_embedded()
    {
        var names = AppleAssembly.Instance.GetManifestResourceNames();
        Assert.Contains("AppleSchema/mdm/commands/information.device.yaml", names);
        Assert.True(names.Length >= 300, $"expected Apple's 303 schema files, found {names.Length}");
    }
}
