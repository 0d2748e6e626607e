using System.Globalization;
using Microsoft.AspNetCore.Http;
using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Server;

/// <summary>A response that is only a status, for calls refused before any handler runs.</summary>
internal static class TrailersOnlyResponse
{
    public static Task WriteAsync(HttpResponse response, int httpStatus, Status status)
    {
        response.StatusCode = httpStatus;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusTrailer] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageTrailer] = GrpcStatusMessage.Encode(status.Detail);
        return response.CompleteAsync();
    }
}
