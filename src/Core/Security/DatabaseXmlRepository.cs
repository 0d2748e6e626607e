using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Security;

/// <summary>
/// Keeps the Data Protection key ring in Core's database, so every replica can decrypt what any other
/// encrypted. (The EF Core package that does this cannot be restored here.)
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        return db.DataProtectionKeys.Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyEntity
        {
            Id = Guid.NewGuid(),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
