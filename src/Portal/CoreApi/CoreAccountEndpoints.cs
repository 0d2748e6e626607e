using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SaaSMdm.Portal.Hosting;

namespace SaaSMdm.Portal.CoreApi;

/// <summary>Core's unauthenticated account endpoints (password reset), which the portal's account pages front.</summary>
public sealed class CoreAccountEndpoints(HttpClient http, IOptions<PortalOptions> options)
{
    /// <summary>Asks Core to send a reset token; Core answers alike whether or not the email has an account.</summary>
    public Task<string?> ForgotPasswordAsync(string email, CancellationToken cancellationToken) =>
        PostAsync("/account/forgot-password", new { email }, cancellationToken);

    public Task<string?> ResetPasswordAsync(string email, string token, string newPassword, CancellationToken cancellationToken) =>
        PostAsync("/account/reset-password", new { email, token, new_password = newPassword }, cancellationToken);

    /// <returns>null when Core accepted; otherwise the sentence to show.</returns>
    private async Task<string?> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(new Uri(options.Value.CoreHttpUrl), path), body, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            if ((int)response.StatusCode == StatusCodes.Status429TooManyRequests)
            {
                return "Too many requests just now. Wait a minute and try again.";
            }

            var problem = await ReadProblemAsync(response, cancellationToken);
            return (int)response.StatusCode is >= 400 and < 500 && problem?.Detail is { Length: > 0 } detail ? detail : PortalErrors.Unreachable;
        }
        catch (HttpRequestException)
        {
            return PortalErrors.Unreachable;
        }
    }

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Problem([property: JsonPropertyName("detail")] string? Detail);
}
