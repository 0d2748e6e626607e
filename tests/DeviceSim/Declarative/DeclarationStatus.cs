using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>What the device reports for one declaration in <c>management.declarations</c>.</summary>
public sealed record DeclarationStatus(bool Active, DeclarationValidity Validity, IReadOnlyList<StatusReason> Reasons)
{
    public static DeclarationStatus ActiveAndValid { get; } = new(true, DeclarationValidity.Valid, []);

    public static DeclarationStatus Inactive(params StatusReason[] reasons) => new(false, DeclarationValidity.Valid, reasons);

    public static DeclarationStatus Invalid(params StatusReason[] reasons) => new(false, DeclarationValidity.Invalid, reasons);

    public IEnumerable<string> ReasonCodes => Reasons.Select(reason => reason.Code);
}
