using Microsoft.AspNetCore.Http;
using SaaSMdm.Rpc.Protocol;

namespace SaaSMdm.Rpc.Server;

/// <summary>Refuses requests that are not gRPC over HTTP/2 before they reach a handler.</summary>
internal static class GrpcRequestValidation
{
    /// <summary>True when the request was refused and its response written.</summary>
    public static async Task<bool> RejectAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            await TrailersOnlyResponse.WriteAsync(http.Response, StatusCodes.Status426UpgradeRequired,
                new Status(StatusCode.Internal, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2.")).ConfigureAwait(false);
            return true;
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            await TrailersOnlyResponse.WriteAsync(http.Response, StatusCodes.Status415UnsupportedMediaType,
                new Status(StatusCode.Internal, $"Content-Type '{request.ContentType}' is not supported.")).ConfigureAwait(false);
            return true;
        }

        var encoding = request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0
            && !encoding.Equals(GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase)
            && !encoding.Equals(GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
            await TrailersOnlyResponse.WriteAsync(http.Response, StatusCodes.Status200OK,
                new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcProtocol.SupportedEncodings}")).ConfigureAwait(false);
            return true;
        }

        return false;
    }
}
