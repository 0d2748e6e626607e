namespace SaaSMdm.Rpc.Protocol;

/// <summary>Turns HTTP header fields into metadata entries, decoding <c>-bin</c> values from base64.</summary>
public static class MetadataHeaders
{
    /// <summary>Adds the field unless it is a protocol header or malformed (a peer's bad header is dropped, not fatal).</summary>
    public static void AddIfUserMetadata(Metadata metadata, string key, string value)
    {
        if (GrpcProtocol.IsReservedHeader(key))
        {
            return;
        }

        try
        {
            if (Metadata.IsBinaryKey(key))
            {
                metadata.Add(key, DecodeBase64(value));
            }
            else
            {
                metadata.Add(key, value);
            }
        }
        catch (FormatException)
        {
            // Undecodable base64 from a peer: not metadata we can hand on.
        }
        catch (ArgumentException)
        {
            // A key or value outside what gRPC metadata allows.
        }
    }

    /// <summary>gRPC peers may leave base64 padding off; put it back before decoding.</summary>
    private static byte[] DecodeBase64(string value)
    {
        var trimmed = value.Trim();
        var padding = (4 - trimmed.Length % 4) % 4;
        return Convert.FromBase64String(padding == 0 ? trimmed : trimmed + new string('=', padding));
    }
}
