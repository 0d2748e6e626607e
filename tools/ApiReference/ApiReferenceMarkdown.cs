using System.Text;
using Google.Protobuf.Reflection;

namespace SaaSMdm.ApiReference;

/// <summary>
/// Renders the public API as one Markdown page: a section per proto file with its services, messages
/// and enums in file order, each named type anchored by its full name so field types link to it.
/// </summary>
public sealed class ApiReferenceMarkdown
{
    private const string Intro = """
        # SaaS MDM API reference

        <!-- Generated from protos/saasmdm/v1 by scripts/api-reference.sh: edit the protos, not this file. -->

        The public API is gRPC, served by Core. Every call acts for one tenant, named by the `tenant_id`
        of its request (the Tenants service manages tenants themselves).

        **Authentication.** Get an access token with the OAuth2 client-credentials grant at Core's HTTP
        endpoint `POST /oauth2/token`, asking for the scopes you need, and send it as
        `authorization: Bearer <token>` metadata on every call. Each RPC below names the scope it
        requires; a call whose token lacks it fails with `PERMISSION_DENIED`, and a missing or invalid
        token with `UNAUTHENTICATED`. Errors are gRPC status codes with a message saying what was wrong.

        Streaming RPCs are marked *stream*. Types from `google.protobuf` are Protocol Buffers' well-known types.
        """;

    private readonly StringBuilder output = new();

    public static string Render(IReadOnlyList<PublicApiFile> files)
    {
        var markdown = new ApiReferenceMarkdown();
        markdown.Write(files);
        return markdown.output.ToString();
    }

    private void Write(IReadOnlyList<PublicApiFile> files)
    {
        Line(Intro);
        Line();
        Line("## Contents");
        Line();
        foreach (var service in files.SelectMany(file => file.Descriptor.Services))
        {
            Line($"- {Link(service.FullName, service.Name)}");
        }

        foreach (var file in files.Where(file => file.Descriptor.Services.Count + file.Descriptor.MessageTypes.Count + file.Descriptor.EnumTypes.Count > 0))
        {
            WriteFile(file);
        }
    }

    private void WriteFile(PublicApiFile file)
    {
        Line();
        Line($"## {file.Descriptor.Name}");
        Paragraph(file.FileComment);
        foreach (var service in file.Descriptor.Services)
        {
            WriteService(service);
        }

        foreach (var message in file.Descriptor.MessageTypes)
        {
            WriteMessage(message);
        }

        foreach (var enumType in file.Descriptor.EnumTypes)
        {
            WriteEnum(enumType);
        }
    }

    private void WriteService(ServiceDescriptor service)
    {
        Heading(3, $"Service {service.Name}", service.FullName);
        Paragraph(service.Declaration?.LeadingComments);
        Line();
        Line("| RPC | Request | Response | Scope |");
        Line("| --- | --- | --- | --- |");
        foreach (var method in service.Methods)
        {
            Line($"| {Link(method.FullName, method.Name)} | {Stream(method.IsClientStreaming)}{TypeLink(method.InputType)} | " +
                 $"{Stream(method.IsServerStreaming)}{TypeLink(method.OutputType)} | {Code(PublicApiProtos.RequiredScope(method))} |");
        }

        foreach (var method in service.Methods)
        {
            Heading(4, $"{service.Name}.{method.Name}", method.FullName);
            Line();
            Line($"{Stream(method.IsClientStreaming)}{TypeLink(method.InputType)} → {Stream(method.IsServerStreaming)}{TypeLink(method.OutputType)}, " +
                 $"scope {Code(PublicApiProtos.RequiredScope(method))}");
            Paragraph(method.Declaration?.LeadingComments);
        }
    }

    private void WriteMessage(MessageDescriptor message)
    {
        Heading(3, $"Message {DisplayName(message.FullName, message.File)}", message.FullName);
        Paragraph(message.Declaration?.LeadingComments);
        Line();
        if (message.Fields.InDeclarationOrder().Count == 0)
        {
            Line("No fields.");
        }
        else
        {
            Line("| Field | Type | Label | Description |");
            Line("| --- | --- | --- | --- |");
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                Line($"| {Code(field.Name)} | {FieldType(field)} | {Label(field)} | {ProtoComment.TableCell(field.Declaration?.LeadingComments)} |");
            }
        }

        foreach (var nested in message.NestedTypes.Where(nested => nested.GetOptions()?.MapEntry != true))
        {
            WriteMessage(nested);
        }

        foreach (var nested in message.EnumTypes)
        {
            WriteEnum(nested);
        }
    }

    private void WriteEnum(EnumDescriptor enumType)
    {
        Heading(3, $"Enum {DisplayName(enumType.FullName, enumType.File)}", enumType.FullName);
        Paragraph(enumType.Declaration?.LeadingComments);
        Line();
        Line("| Value | Number | Description |");
        Line("| --- | --- | --- |");
        foreach (var value in enumType.Values)
        {
            Line($"| {Code(value.Name)} | {value.Number} | {ProtoComment.TableCell(value.Declaration?.LeadingComments)} |");
        }
    }

    private static string FieldType(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var entry = field.MessageType;
            return $"map&lt;{FieldType(entry.FindFieldByNumber(1))}, {FieldType(entry.FindFieldByNumber(2))}&gt;";
        }

        return field.FieldType switch
        {
            Google.Protobuf.Reflection.FieldType.Message or Google.Protobuf.Reflection.FieldType.Group => TypeLink(field.MessageType),
            Google.Protobuf.Reflection.FieldType.Enum => TypeLink(field.EnumType.FullName, field.EnumType.File),
            var scalar => scalar.ToString().ToLowerInvariant(),
        };
    }

    private static string Label(FieldDescriptor field) => field switch
    {
        { IsMap: true } => "map",
        { IsRepeated: true } => "repeated",
        { RealContainingOneof: { } oneof } => $"oneof {Code(oneof.Name)}",
        { ContainingOneof.IsSynthetic: true } => "optional",
        _ => "",
    };

    private static string TypeLink(MessageDescriptor message) => TypeLink(message.FullName, message.File);

    /// <summary>Types of this API link to their section; others (google.protobuf) are named in full.</summary>
    private static string TypeLink(string fullName, FileDescriptor file) =>
        file.Package.StartsWith("saasmdm.", StringComparison.Ordinal)
            ? Link(fullName, DisplayName(fullName, file))
            : Code(fullName);

    private static string DisplayName(string fullName, FileDescriptor file) => fullName[(file.Package.Length + 1)..];

    private static string Link(string anchor, string text) => $"[{text}](#{anchor})";

    private static string Code(string text) => text.Length == 0 ? "" : $"`{text}`";

    private static string Stream(bool streaming) => streaming ? "*stream* " : "";

    private void Heading(int level, string text, string anchor)
    {
        Line();
        Line($"<a id=\"{anchor}\"></a>");
        Line();
        Line($"{new string('#', level)} {text}");
    }

    private void Paragraph(string? comment)
    {
        var text = ProtoComment.Paragraph(comment);
        if (text.Length > 0)
        {
            Line();
            Line(text);
        }
    }

    private void Line(string text = "") => output.Append(text).Append('\n');
}
