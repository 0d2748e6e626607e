using Microsoft.AspNetCore.Http.Features;

namespace SaaSMdm.Edge.Devices;

/// <summary>Reads a request body up to a limit, refusing a larger one before it is read in full.</summary>
public static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <exception cref="DeviceRequestRefusedException">413: the body is larger than <paramref name="limit"/> bytes.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        // Refused before Kestrel's limit is lowered: Kestrel then drains the unread body (within its own, larger
        // limit) so that the client, still sending, reads the 413 instead of a reset connection.
        if (request.ContentLength > limit)
        {
            throw DeviceRequestRefusedException.TooLarge(limit);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            kestrelLimit.MaxRequestBodySize = limit;
        }

        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkBytes, limit));
        var chunk = new byte[ChunkBytes];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    throw DeviceRequestRefusedException.TooLarge(limit);
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw DeviceRequestRefusedException.TooLarge(limit);
        }

        return body.ToArray();
    }
}
