using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using SaaSMdm.Apple.Cms;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>Requests as a device makes them, and the checks every refusal shares.</summary>
public static class DeviceRequests
{
    /// <summary>A PUT of <paramref name="body"/>, signed by <paramref name="signer"/> when one is given.</summary>
    public static HttpRequestMessage Put(string path, byte[] body, X509Certificate2? signer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(body) };
        if (signer is not null)
        {
            request.Headers.TryAddWithoutValidation(MdmSignatureHeader.Name, DeviceCertificates.Sign(body, signer));
        }

        return request;
    }

    /// <summary>Asserts a problem+json answer with <paramref name="status"/> and returns its detail.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }
}
