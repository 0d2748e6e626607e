using System.Net.Http.Headers;
using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Client;

internal static class ResponseMetadata
{
    public static Metadata From(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (key, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                MetadataHeaders.AddIfUserMetadata(metadata, key, value);
            }
        }

        return metadata;
    }
}
