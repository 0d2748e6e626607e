namespace SaaSMdm.Apple.Scep;

/// <summary>The SCEP <c>failInfo</c> attribute of a failed CertRep.</summary>
public enum ScepFailInfo
{
    /// <summary>Unrecognized or unsupported algorithm.</summary>
    BadAlg = 0,

    /// <summary>Integrity check (signature verification) failed.</summary>
    BadMessageCheck = 1,

    /// <summary>Transaction not permitted or supported (wrong challenge, bad CSR).</summary>
    BadRequest = 2,

    /// <summary>The signingTime attribute was not close enough to the server's time.</summary>
    BadTime = 3,

    /// <summary>No certificate could be identified matching the provided criteria.</summary>
    BadCertId = 4,
}
