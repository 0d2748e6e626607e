namespace SaaSMdm.DeviceSim.Transport;

/// <summary>How a check-in or connect request is signed; the faulty forms exist to test a server's defences.</summary>
public enum RequestSigning
{
    /// <summary>As the identity transport says: Mdm-Signature over the body, or the TLS client certificate alone.</summary>
    AsConfigured,

    /// <summary>No Mdm-Signature header, whatever the transport.</summary>
    Unsigned,

    /// <summary>An Mdm-Signature made over a different body than the one sent.</summary>
    Tampered,
}
