namespace SaaSMdm.DeviceSim.Tests.Support;

/// <summary>Variations of the test server's enrollment profile.</summary>
internal sealed record MdmTestServerOptions
{
    public bool SignMessage { get; init; } = true;

    public bool IncludeRootPayload { get; init; } = true;

    /// <summary>The challenge the profile carries; the SCEP server always expects <see cref="MdmTestServer.Challenge"/>.</summary>
    public string? ProfileChallenge { get; init; }

    public ReadOnlyMemory<byte>? CaFingerprint { get; init; }

    /// <summary>Changes the signed profile before it is sent, to test the device's checks.</summary>
    public Func<byte[], byte[]>? TransformProfile { get; init; }
}
