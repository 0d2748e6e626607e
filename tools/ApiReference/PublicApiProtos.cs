using Google.Protobuf;
using Google.Protobuf.Reflection;
using SaaSMdm.Contracts.V1;

namespace SaaSMdm.ApiReference;

/// <summary>One proto file of the public API, with the comment above its syntax statement.</summary>
public sealed record PublicApiFile(FileDescriptor Descriptor, string FileComment);

/// <summary>The public API as protoc reads it from protos/saasmdm/v1, comments and method options included.</summary>
public static class PublicApiProtos
{
    public const string ProtoDirectory = "saasmdm/v1";

    private const int SyntaxFieldNumber = 12;

    public static async Task<IReadOnlyList<PublicApiFile>> LoadAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        var protoRoot = Path.Combine(repositoryRoot, "protos");
        var files = Directory.GetFiles(Path.Combine(protoRoot, ProtoDirectory), "*.proto")
            .Select(path => Path.GetRelativePath(protoRoot, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var bytes = await Protoc.FromGrpcTools().DescriptorSetAsync(protoRoot, files, cancellationToken);
        var extensions = new ExtensionRegistry { AccessExtensions.RequiredScope };
        var set = FileDescriptorSet.Parser.WithExtensionRegistry(extensions).ParseFrom(bytes);
        var descriptors = FileDescriptor.BuildFromByteStrings(set.File.Select(file => file.ToByteString()), extensions);

        return files
            .Select(name => new PublicApiFile(
                descriptors.Single(descriptor => descriptor.Name == name),
                FileComment(set.File.Single(file => file.Name == name))))
            .ToList();
    }

    /// <summary>The scope an RPC needs, or empty when it names none.</summary>
    public static string RequiredScope(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AccessExtensions.RequiredScope) ?? "";

    private static string FileComment(FileDescriptorProto file) =>
        file.SourceCodeInfo?.Location
            .FirstOrDefault(location => location.Path.Count == 1 && location.Path[0] == SyntaxFieldNumber)?
            .LeadingComments ?? "";
}
