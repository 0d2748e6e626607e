using System.Security.Cryptography.X509Certificates;
using SaaSMdm.Apple.Mdm;

namespace SaaSMdm.DeviceSim.Tests.Support;

internal enum IdentitySource
{
    MdmSignature,
    TlsClientCertificate,
}

/// <summary>A check-in the test server accepted, with the certificate that proved it.</summary>
internal sealed record RecordedCheckIn(CheckInMessage Message, X509Certificate2 Signer, IdentitySource Source, string? ContentType);

/// <summary>A command report the test server accepted, with the certificate that proved it.</summary>
internal sealed record RecordedReport(CommandReport Report, X509Certificate2 Signer, IdentitySource Source, string? ContentType);
