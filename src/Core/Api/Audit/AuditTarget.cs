using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using SaaSMdm.Contracts;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Api.Audit;

/// <summary>
/// What an audited call was about, as bounded text: the identifying fields of its request and, when it succeeded, of
/// its response (what it created), e.g. <c>device_ids=[…], command=device_lock, command_uuid=…</c>. Chosen by field
/// name, so new RPCs are described without code: ids, identifiers, UUIDs, slugs and emails, and which case of a
/// oneof was set. Nothing else is copied, so payloads, PINs, passwords, secrets and tokens never reach the log.
/// </summary>
public static class AuditTarget
{
    /// <summary>The log's own tenant: saying it again in every entry adds nothing.</summary>
    private const string TenantIdField = "tenant_id";

    /// <summary>Values shown of a repeated field; the rest are counted.</summary>
    private const int ListedValues = 3;

    /// <summary>How deep nested messages are searched (also ends recursive types).</summary>
    private const int MaxDepth = 3;

    private static readonly string[] IdentifyingSuffixes = ["_id", "_ids", "identifier", "identifiers", "uuid", "uuids", "email"];

    private static readonly string[] IdentifyingNames = ["id", "slug"];

    private static readonly string[] SecretWords = ["secret", "password"];

    public static string Describe(IMessage request, IMessage? response)
    {
        var parts = new Parts();
        Collect(request, "", 0, parts);
        if (response is not null)
        {
            Collect(response, "", 0, parts);
        }

        return CallerText.Shorten(parts.ToString(), AuditEntryEntity.MaxTargetLength);
    }

    private static void Collect(IMessage message, string prefix, int depth, Parts parts)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.Name == TenantIdField || field.IsMap || SecretWords.Any(word => field.Name.Contains(word, StringComparison.Ordinal)))
            {
                continue;
            }

            if (field.RealContainingOneof is { } oneof)
            {
                if (oneof.Accessor.GetCaseFieldDescriptor(message) != field)
                {
                    continue;
                }

                parts.Add(prefix, oneof.Name, field.Name);
            }

            var value = field.Accessor.GetValue(message);
            if (field.FieldType == FieldType.Message)
            {
                if (!field.IsRepeated && value is IMessage nested && depth < MaxDepth)
                {
                    Collect(nested, $"{prefix}{field.Name}.", depth + 1, parts);
                }
            }
            else if (IsIdentifying(field.Name) && Render(field, value) is { } text)
            {
                parts.Add(prefix, field.Name, text);
            }
        }
    }

    /// <summary>A field named like an identifier; a name with "token" counts only as a token's id, never a token itself.</summary>
    private static bool IsIdentifying(string name) =>
        (IdentifyingNames.Contains(name) || IdentifyingSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal)))
        && (!name.Contains("token", StringComparison.Ordinal) || name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("_ids", StringComparison.Ordinal));

    private static string? Render(FieldDescriptor field, object value)
    {
        if (!field.IsRepeated)
        {
            return Scalar(field, value);
        }

        var values = ((IList)value).Cast<object>().Select(item => Scalar(field, item)).OfType<string>().ToList();
        return values.Count switch
        {
            0 => null,
            <= ListedValues => $"[{string.Join(", ", values)}]",
            _ => $"[{string.Join(", ", values.Take(ListedValues))}, +{values.Count - ListedValues} more]",
        };
    }

    /// <summary>Strings and integers, each bounded; other kinds (bytes, booleans, enums) identify nothing.</summary>
    private static string? Scalar(FieldDescriptor field, object value) => field.FieldType switch
    {
        FieldType.String when value is string { Length: > 0 } text => CallerText.Shorten(text),
        FieldType.Int32 or FieldType.Int64 or FieldType.UInt32 or FieldType.UInt64 or FieldType.SInt32 or FieldType.SInt64
            or FieldType.Fixed32 or FieldType.Fixed64 or FieldType.SFixed32 or FieldType.SFixed64
            when Convert.ToDecimal(value, CultureInfo.InvariantCulture) != 0 => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>
    /// The <c>name=value</c> parts in the order found; a value seen before under the same field name is left out, so a
    /// response that echoes the request (<c>identifier</c>, then <c>declaration.identifier</c>) says it once.
    /// </summary>
    private sealed class Parts
    {
        private readonly List<string> _parts = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public void Add(string prefix, string name, string value)
        {
            if (_seen.Add($"{name}={value}"))
            {
                _parts.Add($"{prefix}{name}={value}");
            }
        }

        public override string ToString() => string.Join(", ", _parts);
    }
}
