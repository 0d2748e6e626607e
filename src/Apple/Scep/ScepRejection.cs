namespace SaaSMdm.Apple.Scep;

/// <summary>A request that is well-formed enough to be answered, with a failed CertRep carrying <see cref="FailInfo"/>.</summary>
internal sealed class ScepRejection : Exception
{
    public ScepRejection(ScepFailInfo failInfo, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        FailInfo = failInfo;
    }

    public ScepFailInfo FailInfo { get; }
}
