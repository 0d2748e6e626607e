using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace SaaSMdm.Rpc.Tests;

/// <summary>Hand-made HTTP requests to a gRPC server, to test how it treats what a well-behaved client never sends.</summary>
public static class RawGrpcRequest
{
    public sealed record Response(HttpStatusCode HttpStatus, string? GrpcStatus, string? GrpcMessage, byte[] Body, HttpResponseMessage Message);

    public static byte[] Frame(byte[] payload, byte flag = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static async Task<Response> SendAsync(
        Uri server, string path, byte[] body, string contentType = "application/grpc",
        Version? version = null, IDictionary<string, string>? headers = null)
    {
        using var handler = new SocketsHttpHandler();
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Response(response.StatusCode, Find(response, "grpc-status"), Find(response, "grpc-message"), bytes, response);
    }

    private static string? Find(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First()
        : response.TrailingHeaders.TryGetValues(name, out var trailers) ? trailers.First()
        : null;
}
