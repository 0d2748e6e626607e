namespace SaaSMdm.Apple.Profiles;

/// <summary>What goes into an MDM enrollment profile.</summary>
public sealed class EnrollmentProfileOptions
{
    /// <summary>The capability names Apple defines for the MDM payload.</summary>
    public const string PerUserConnections = "com.apple.mdm.per-user-connections";

    public const string BootstrapToken = "com.apple.mdm.bootstraptoken";

    public const string TokenService = "com.apple.mdm.token";

    /// <summary>Every access right (1 to 4096 or'ed together).</summary>
    public const int AllAccessRights = 8191;

    /// <summary>Reverse-DNS identifier of the profile; payload identifiers extend it.</summary>
    public required string PayloadIdentifier { get; init; }

    public required string DisplayName { get; init; }

    public string? Organization { get; init; }

    public string? Description { get; init; }

    /// <summary>The https command URL. Devices never accept a change to it without re-enrolling.</summary>
    public required Uri ServerUrl { get; init; }

    /// <summary>The https check-in URL; the server URL when null.</summary>
    public Uri? CheckInUrl { get; init; }

    /// <summary>The push topic (<c>com.apple.mgmt.…</c>) of the push certificate.</summary>
    public required string Topic { get; init; }

    public required IdentityPayloadOptions Identity { get; init; }

    /// <summary>Have the device sign each request in an Mdm-Signature header.</summary>
    public bool SignMessage { get; init; }

    /// <summary>Have the device send CheckOut when the profile is removed, so the server learns of it.</summary>
    public bool CheckOutWhenRemoved { get; init; } = true;

    /// <summary>Or'ed access rights; not 0, and 2 needs 1, 128 needs 64.</summary>
    public int AccessRights { get; init; } = AllAccessRights;

    public IReadOnlyList<string> ServerCapabilities { get; init; } = [PerUserConnections, BootstrapToken];

    /// <summary>Use Apple's sandbox push service (development push certificates).</summary>
    public bool UseDevelopmentApns { get; init; }

    /// <summary>Keeps the user from removing the profile (honoured on supervised devices).</summary>
    public bool RemovalDisallowed { get; init; }

    /// <summary>DER certificates to install as trusted roots, such as the CA of the server's TLS certificate.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> RootCertificates { get; init; } = [];
}
