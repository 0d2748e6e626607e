using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Edge.Devices;
using SaaSMdm.Edge.Tenancy;
using SaaSMdm.Edge.Tls;

namespace SaaSMdm.Edge.Enrollment;

/// <summary><c>GET /t/{tenant}/enroll?token=…</c>: the tenant's signed enrollment profile, made by Core.</summary>
public static class EnrollmentEndpoint
{
    public const string ProfileContentType = "application/x-apple-aspen-config";
    public const string TokenParameter = "token";

    /// <summary>Far longer than any token Core issues; a longer one is not worth a call.</summary>
    private const int MaxTokenLength = 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext http, PublicBaseUrl publicUrl, DevelopmentTlsRoot tlsRoot, DeviceGateway.DeviceGatewayClient gateway, CoreCalls calls)
    {
        var tenant = http.GetTenant();
        var reply = await gateway.GetEnrollmentProfileAsync(
            new GetEnrollmentProfileRequest
            {
                TenantId = tenant.Id,
                Token = Token(http.Request.Query[TokenParameter]),
                BaseUrl = publicUrl.For(http.Request, tenant),
                TlsRootCaDer = tlsRoot.CertificateDer,
            },
            calls.For(http));

        // The profile carries a SCEP challenge: no cache may keep it.
        http.Response.Headers.CacheControl = "no-store";
        var fileName = reply.FileName.Length > 0 ? reply.FileName : $"{tenant.Slug}-enrollment.mobileconfig";
        return Results.Bytes(reply.Profile.Memory, ProfileContentType, fileName);
    }

    private static string Token(Microsoft.Extensions.Primitives.StringValues values) => values.Count switch
    {
        0 => "",
        > 1 => throw DeviceRequestRefusedException.BadRequest("The enrollment URL has more than one token."),
        _ when values[0]!.Length > MaxTokenLength => throw DeviceRequestRefusedException.BadRequest("The enrollment token is too long."),
        _ => values[0]!,
    };
}
