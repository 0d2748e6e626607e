using Google.Protobuf.WellKnownTypes;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Api.Accounts;

/// <summary>API clients as the API shows them: never with their secret's hash.</summary>
public static class ApiClientMessages
{
    public static ApiClient ToMessage(ApiClientEntity client)
    {
        var message = new ApiClient
        {
            ClientId = client.ClientId,
            Name = client.Name,
            TenantId = client.TenantId?.ToString() ?? "",
            MspOrganizationId = client.MspOrganizationId?.ToString() ?? "",
            CreateTime = Timestamp.FromDateTime(client.CreatedAt),
            SecretCreateTime = Timestamp.FromDateTime(client.SecretCreatedAt),
            LastUseTime = ApiTimestamps.From(client.LastUsedAt),
            Revoked = client.RevokedAt is not null,
            RevokeTime = ApiTimestamps.From(client.RevokedAt),
        };
        message.Scopes.AddRange(client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        return message;
    }
}
