using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using SaaSMdm.ApiReference;
using SaaSMdm.TestSupport;

namespace SaaSMdm.Rpc.Tests;

/// <summary>
/// docs/api-reference.md is what MSPs read: it must say what the protos say now, and the protos must say
/// something about every part of the public API, including the scope each RPC needs.
/// </summary>
public sealed class ApiReferenceTests
{
    [Fact]
    public async Task Committed_reference_is_what_the_protos_generate()
    {
        var path = ApiReferenceDocument.PathIn(RepositoryPaths.Root);
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";

        var generated = await ApiReferenceDocument.GenerateAsync(RepositoryPaths.Root);

        Assert.True(committed == generated,
            "docs/api-reference.md is not what protos/saasmdm/v1 generate: run scripts/api-reference.sh and commit the result." +
            FirstDifference(committed, generated));
    }

    [Fact]
    public async Task Generated_reference_has_only_LF_line_endings()
    {
        var generated = await ApiReferenceDocument.GenerateAsync(RepositoryPaths.Root);

        Assert.DoesNotContain('\r', generated);
        Assert.EndsWith("\n", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_part_of_the_public_api_has_a_comment()
    {
        var files = await PublicApiProtos.LoadAsync(RepositoryPaths.Root);

        var uncommented = files.SelectMany(file => Documentable(file.Descriptor))
            .Where(part => string.IsNullOrWhiteSpace(part.Declaration?.LeadingComments))
            .Select(part => part.FullName)
            .ToList();

        Assert.True(uncommented.Count == 0,
            $"These have no leading comment in protos/saasmdm/v1 ({uncommented.Count}):\n" + string.Join('\n', uncommented));
    }

    [Fact]
    public async Task Every_rpc_names_its_required_scope()
    {
        var files = await PublicApiProtos.LoadAsync(RepositoryPaths.Root);

        var unscoped = files.SelectMany(file => file.Descriptor.Services)
            .SelectMany(service => service.Methods)
            .Where(method => PublicApiProtos.RequiredScope(method).Length == 0)
            .Select(method => method.FullName)
            .ToList();

        Assert.True(unscoped.Count == 0,
            "These RPCs have no (saasmdm.v1.required_scope) option:\n" + string.Join('\n', unscoped));
    }

    [Fact]
    public async Task Reference_lists_every_rpc_with_its_scope_and_links_every_type_it_names()
    {
        var files = await PublicApiProtos.LoadAsync(RepositoryPaths.Root);
        var markdown = ApiReferenceMarkdown.Render(files);

        var devices = files.Single(file => file.Descriptor.Name == "saasmdm/v1/devices.proto").Descriptor;
        var getDevice = devices.FindTypeByName<ServiceDescriptor>("Devices").FindMethodByName("GetDevice");
        Assert.Contains(
            "| [GetDevice](#saasmdm.v1.Devices.GetDevice) | [GetDeviceRequest](#saasmdm.v1.GetDeviceRequest) | [Device](#saasmdm.v1.Device) | `devices:read` |",
            markdown, StringComparison.Ordinal);
        Assert.Equal("devices:read", PublicApiProtos.RequiredScope(getDevice));

        var anchors = Regex.Matches(markdown, "<a id=\"([^\"]+)\"></a>").Select(m => m.Groups[1].Value).ToHashSet();
        var links = Regex.Matches(markdown, @"\]\(#([^)]+)\)").Select(m => m.Groups[1].Value).Distinct();
        Assert.DoesNotContain(links, link => !anchors.Contains(link));
    }

    /// <summary>Services, RPCs, messages (not map entries), fields, enums and enum values, nested ones included.</summary>
    private static IEnumerable<DescriptorBase> Documentable(FileDescriptor file) =>
        file.Services.SelectMany(service => service.Methods.Prepend<DescriptorBase>(service))
            .Concat(file.MessageTypes.SelectMany(Documentable))
            .Concat(file.EnumTypes.SelectMany(Documentable));

    private static IEnumerable<DescriptorBase> Documentable(MessageDescriptor message) =>
        message.GetOptions()?.MapEntry == true
            ? []
            : message.Fields.InDeclarationOrder().Prepend<DescriptorBase>(message)
                .Concat(message.NestedTypes.SelectMany(Documentable))
                .Concat(message.EnumTypes.SelectMany(Documentable));

    private static IEnumerable<DescriptorBase> Documentable(EnumDescriptor enumType) => enumType.Values.Prepend<DescriptorBase>(enumType);

    private static string FirstDifference(string committed, string generated)
    {
        var committedLines = committed.Split('\n');
        var generatedLines = generated.Split('\n');
        for (var i = 0; i < Math.Max(committedLines.Length, generatedLines.Length); i++)
        {
            var was = i < committedLines.Length ? committedLines[i] : "(end of file)";
            var now = i < generatedLines.Length ? generatedLines[i] : "(end of file)";
            if (was != now)
            {
                return $"\nFirst difference at line {i + 1}:\n  committed: {was}\n  generated: {now}";
            }
        }

        return "";
    }
}
