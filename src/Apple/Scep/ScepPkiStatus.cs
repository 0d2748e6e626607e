namespace SaaSMdm.Apple.Scep;

/// <summary>The SCEP <c>pkiStatus</c> attribute of a CertRep.</summary>
public enum ScepPkiStatus
{
    Success = 0,
    Failure = 2,
    Pending = 3,
}
