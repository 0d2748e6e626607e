using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>A declaration the device holds, as fetched, with the status it reports for it.</summary>
public sealed record HeldDeclaration(Declaration Declaration, DeclarationStatus Status)
{
    public string Identifier => Declaration.Identifier;

    public string ServerToken => Declaration.ServerToken;

    public DeclarationCategory Category => Declaration.Category;
}
