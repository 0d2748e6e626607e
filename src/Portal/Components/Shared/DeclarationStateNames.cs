using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal;

/// <summary>What a device reported about a declaration, as the device and declaration pages both write it.</summary>
public static class DeclarationStateNames
{
    public const string NoReport = "No report yet";

    public static string Of(DeclarationState state) => state switch
    {
        DeclarationState.Active => "Active",
        DeclarationState.Failed => "Failed",
        DeclarationState.Inactive => "Inactive",
        DeclarationState.Pending => "Pending",
        DeclarationState.NotAssigned => "Not assigned",
        _ => "Unknown",
    };

    /// <summary>The reported state; <see cref="NoReport"/> when the device has reported nothing about the declaration.</summary>
    public static string Of(DeclarationStatus? status) => status is null ? NoReport : Of(status.State);
}
