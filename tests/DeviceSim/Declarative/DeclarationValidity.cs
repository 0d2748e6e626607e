namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>The <c>valid</c> value of a declaration's status.</summary>
public enum DeclarationValidity
{
    Unknown,
    Valid,
    Invalid,
}
