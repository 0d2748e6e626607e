namespace SaaSMdm.Core.Identity;

/// <summary>Who a call comes from, as its access token says.</summary>
/// <param name="Kind">A person (through the portal) or an API client.</param>
/// <param name="SubjectId">The person's id, or the API client's internal id.</param>
/// <param name="Name">For the audit log: the person's email or the client's client_id.</param>
/// <param name="Scopes">The scopes the token holds.</param>
/// <param name="TenantId">An API client's tenant, when it belongs to one.</param>
/// <param name="MspOrganizationId">An API client's MSP organization, when it belongs to one.</param>
/// <param name="IsOperator">An operator client (a person's operator status is read from the database).</param>
public sealed record ApiCaller(
    CallerKind Kind,
    Guid SubjectId,
    string Name,
    IReadOnlySet<string> Scopes,
    Guid? TenantId,
    Guid? MspOrganizationId,
    bool IsOperator);

public enum CallerKind
{
    Person,
    Client,
}
