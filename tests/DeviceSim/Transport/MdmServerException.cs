using System.Net;
using System.Text;

namespace SaaSMdm.DeviceSim.Transport;

/// <summary>The server answered a device request with an HTTP error.</summary>
public sealed class MdmServerException : Exception
{
    private const int MaxBodyCharacters = 500;

    public MdmServerException(string request, HttpStatusCode statusCode, byte[] body)
        : base($"{request} was answered {(int)statusCode} {statusCode}{Describe(body)}")
    {
        Request = request;
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>The request kind, such as <c>checkin:Authenticate</c>.</summary>
    public string Request { get; }

    public HttpStatusCode StatusCode { get; }

    public byte[] Body { get; }

    private static string Describe(byte[] body)
    {
        if (body.Length == 0)
        {
            return ".";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxBodyCharacters * 4));
        return $": {(text.Length > MaxBodyCharacters ? text[..MaxBodyCharacters] + "…" : text)}";
    }
}
