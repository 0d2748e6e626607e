using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Security;

namespace SaaSMdm.Core.Identity;

/// <summary>
/// Makes the accounts <see cref="BootstrapOptions"/> names before Core takes traffic: the operator client and the
/// portal client (their secrets follow the configuration), and the first operator person (created once; the password
/// is theirs to change after).
/// </summary>
public sealed partial class AccountBootstrapper(
    CoreDbContext db, UserManager<PersonEntity> people, IOptions<BootstrapOptions> options, TimeProvider clock, ILogger<AccountBootstrapper> logger)
{
    public async Task BootstrapAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value;
        if (Pair(bootstrap.OperatorClientId, bootstrap.OperatorClientSecret, "OperatorClient", 32) is { } operatorClient)
        {
            await EnsureClientAsync(operatorClient.Id, operatorClient.Secret, "Operator automation", isOperator: true, isPortal: false, cancellationToken);
        }

        if (Pair(bootstrap.PortalClientId, bootstrap.PortalClientSecret, "PortalClient", 32) is { } portalClient)
        {
            await EnsureClientAsync(portalClient.Id, portalClient.Secret, "Portal", isOperator: false, isPortal: true, cancellationToken);
        }

        if (Pair(bootstrap.OperatorEmail, bootstrap.OperatorPassword, "Operator", 12) is { } person)
        {
            await EnsureOperatorAsync(person.Id, person.Secret);
        }
    }

    /// <param name="minimumSecretLength">Client secrets are stored as a fast hash, so they must be long random strings; a person's password is hashed slowly.</param>
    private static (string Id, string Secret)? Pair(string? id, string? secret, string name, int minimumSecretLength)
    {
        if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(secret))
        {
            return null;
        }

        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret) || secret.Length < minimumSecretLength)
        {
            throw new InvalidOperationException($"Bootstrap:{name}… needs both the id and a secret of at least {minimumSecretLength} characters.");
        }

        return (id, secret);
    }

    private async Task EnsureClientAsync(string clientId, string secret, string name, bool isOperator, bool isPortal, CancellationToken cancellationToken)
    {
        var now = StoredTime.UtcNow(clock);
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null)
        {
            client = new ApiClientEntity { Id = Guid.NewGuid(), ClientId = clientId, Name = name, SecretHash = "", Scopes = "", CreatedAt = now };
            db.ApiClients.Add(client);
        }

        if (client.SecretHash != SecretHash.Of(secret))
        {
            client.SecretHash = SecretHash.Of(secret);
            client.SecretCreatedAt = now;
        }

        client.IsOperator = isOperator;
        client.IsPortal = isPortal;
        client.TenantId = null;
        client.MspOrganizationId = null;
        client.Scopes = isPortal ? "" : ApiScopes.Format(ApiScopes.All);
        client.RevokedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        Log.ClientReady(logger, clientId, isOperator ? "operator" : "portal");
    }

    private async Task EnsureOperatorAsync(string email, string password)
    {
        if (await people.FindByEmailAsync(email) is { } existing)
        {
            if (!existing.IsOperator)
            {
                existing.IsOperator = true;
                Check(await people.UpdateAsync(existing));
            }

            return;
        }

        var person = new PersonEntity
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Operator",
            IsOperator = true,
            CreatedAt = StoredTime.UtcNow(clock),
        };
        Check(await people.CreateAsync(person, password));
        Log.OperatorCreated(logger, person.Id);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap:Operator… was refused: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap {Kind} client {ClientId} is ready")]
        public static partial void ClientReady(ILogger logger, string clientId, string kind);

        [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap operator {PersonId} created")]
        public static partial void OperatorCreated(ILogger logger, Guid personId);
    }
}
