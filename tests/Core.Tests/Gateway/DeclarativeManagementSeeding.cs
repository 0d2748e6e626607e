using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Apple.Ddm;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Tests.Gateway;

/// <summary>Declarations, sets and assignments written straight to the database, as the declarations API leaves them.</summary>
public static class DeclarativeManagementSeeding
{
    public const string PasscodeType = "com.apple.configuration.passcode.settings";

    /// <summary>A declaration in a set of its own, assigned to <paramref name="enrollmentIds"/>.</summary>
    public static async Task<DeclarationEntity> AssignAsync(
        IServiceProvider services, Guid tenantId, string type, string identifier, string payloadJson, params Guid[] enrollmentIds)
    {
        await using var scope = TenantScope(services, tenantId);
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var now = DateTime.UtcNow;
        var declaration = new DeclarationEntity
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            Identifier = identifier,
            Type = type,
            PayloadJson = Canonical(payloadJson),
            ServerToken = Token(type, identifier, payloadJson),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var set = new DeclarationSetEntity { Id = Guid.NewGuid(), TenantId = tenantId, Name = "set " + identifier, CreatedAt = now, UpdatedAt = now };
        db.Declarations.Add(declaration);
        db.DeclarationSets.Add(set);
        db.DeclarationSetMembers.Add(new DeclarationSetMemberEntity { SetId = set.Id, DeclarationId = declaration.Id, TenantId = tenantId });
        db.EnrollmentSetAssignments.AddRange(enrollmentIds.Select(id => new EnrollmentSetAssignmentEntity { EnrollmentId = id, SetId = set.Id, TenantId = tenantId, AssignedAt = now }));
        await db.SaveChangesAsync();
        return declaration;
    }

    /// <summary>Saves new content for a declaration, with the new server token that comes with it.</summary>
    public static async Task<string> ChangeAsync(IServiceProvider services, Guid tenantId, string identifier, string payloadJson)
    {
        await using var scope = TenantScope(services, tenantId);
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var declaration = await db.Declarations.SingleAsync(d => d.Identifier == identifier);
        declaration.PayloadJson = Canonical(payloadJson);
        declaration.ServerToken = Token(declaration.Type, identifier, payloadJson);
        await db.SaveChangesAsync();
        return declaration.ServerToken;
    }

    /// <summary>A status report whose <c>management.declarations</c> lists <paramref name="configurations"/>, plus other items.</summary>
    public static string Report(bool fullReport, string configurations, string otherItems = "", string errors = "[]")
    {
        var others = otherItems.Length > 0 ? otherItems + "," : "";
        var declarations = $"\"management\": {{\"declarations\": {{\"activations\": [], \"assets\": [], \"management\": [], \"configurations\": [{configurations}]}}}}";
        return $"{{\"StatusItems\": {{{others}{declarations}}}, \"Errors\": {errors}, \"FullReport\": {(fullReport ? "true" : "false")}}}";
    }

    public static AsyncServiceScope TenantScope(IServiceProvider services, Guid tenantId)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenantId);
        return scope;
    }

    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement));
    }

    private static string Token(string type, string identifier, string json)
    {
        using var document = JsonDocument.Parse(json);
        return DeclarationTokens.ServerToken(type, identifier, document.RootElement);
    }
}
