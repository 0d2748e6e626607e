namespace SaaSMdm.Apple.Ddm;

public enum DeclarativeManagementEndpointKind
{
    /// <summary><c>tokens</c>: reply with <see cref="TokensResponse"/>.</summary>
    Tokens,

    /// <summary><c>declaration-items</c>: reply with <see cref="DeclarationItemsResponse"/>.</summary>
    DeclarationItems,

    /// <summary><c>declaration/&lt;category&gt;/&lt;Identifier&gt;</c>: reply with the declaration, or 404.</summary>
    Declaration,

    /// <summary><c>status</c>: the check-in's Data is a <see cref="StatusReport"/>; reply 204.</summary>
    Status,
}

/// <summary>The Endpoint of a DeclarativeManagement check-in, parsed.</summary>
public sealed record DeclarativeManagementEndpoint(DeclarativeManagementEndpointKind Kind, DeclarationCategory? Category = null, string? Identifier = null)
{
    /// <exception cref="DdmFormatException">The endpoint is none of Apple's.</exception>
    public static DeclarativeManagementEndpoint Parse(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        switch (endpoint)
        {
            case "tokens":
                return new(DeclarativeManagementEndpointKind.Tokens);
            case "declaration-items":
                return new(DeclarativeManagementEndpointKind.DeclarationItems);
            case "status":
                return new(DeclarativeManagementEndpointKind.Status);
        }

        // The identifier is everything after the category: identifiers may themselves contain slashes.
        var parts = endpoint.Split('/', 3);
        return parts is ["declaration", var category, { Length: > 0 } identifier] && DeclarationCategories.TryParse(category, out var parsed)
            ? new(DeclarativeManagementEndpointKind.Declaration, parsed, identifier)
            : throw new DdmFormatException($"Unknown DeclarativeManagement endpoint '{endpoint}'.");
    }
}
