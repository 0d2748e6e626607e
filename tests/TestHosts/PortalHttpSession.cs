using System.Net;
using System.Text.RegularExpressions;
using SaaSMdm.TestSupport;
using Xunit;

namespace SaaSMdm.TestHosts;

/// <summary>
/// A person's visit to the portal over plain HTTP, as a browser without scripts makes it: a cookie jar, pages fetched
/// with GET, and forms posted with the antiforgery token of the page they are on.
/// </summary>
public sealed partial class PortalHttpSession : IDisposable
{
    private readonly HttpClient _http;

    public PortalHttpSession(Uri portal)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = portal };
    }

    /// <summary>A session of <paramref name="person"/>, signed in through the sign-in page (with their code when they use two-factor sign-in).</summary>
    public static async Task<PortalHttpSession> SignedInAsync(Uri portal, TestPerson person)
    {
        var session = new PortalHttpSession(portal);
        var response = await session.PostFormAsync("/sign-in", "password", new() { ["Password.Email"] = person.Email, ["Password.Password"] = person.Password });
        if (person.AuthenticatorKey is { } key)
        {
            var page = await response.Content.ReadAsStringAsync();
            response = await session.PostFormAsync("/sign-in", "code", new() { ["Code.Pending"] = InputValue(page, "Code.Pending"), ["Code.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, page);
        }

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    public HttpClient Http => _http;

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the form named <paramref name="handler"/> of the page at <paramref name="path"/> (fetched first unless <paramref name="page"/> is given).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string handler, Dictionary<string, string> fields, string? page = null)
    {
        page ??= (await GetAsync(path)).Html;
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"The page at {path} has no antiforgery token.");
        var form = new Dictionary<string, string>(fields) { ["_handler"] = handler, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await _http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>The value of the input named <paramref name="name"/> on <paramref name="page"/>, whatever the order of its attributes.</summary>
    public static string InputValue(string page, string name)
    {
        var input = InputTag().Matches(page).Select(m => m.Value).FirstOrDefault(tag => tag.Contains($"name=\"{name}\"", StringComparison.Ordinal));
        Assert.True(input is not null, $"The page has no input named {name}.");
        return WebUtility.HtmlDecode(ValueAttribute().Match(input).Groups[1].Value);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex(" value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
