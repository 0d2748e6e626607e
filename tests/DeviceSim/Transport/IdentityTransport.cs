namespace SaaSMdm.DeviceSim.Transport;

/// <summary>How a device proves its identity certificate on check-in and connect requests.</summary>
public enum IdentityTransport
{
    /// <summary>An <c>Mdm-Signature</c> header over each body: works behind a load balancer that terminates TLS.</summary>
    MdmSignature,

    /// <summary>The identity as TLS client certificate, without the header.</summary>
    TlsClientCertificate,
}
