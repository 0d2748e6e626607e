namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>A body sent without Content-Length (chunked over HTTP/1.1), so only reading it reveals its size.</summary>
public sealed class UnknownLengthContent(byte[] body) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
