using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.TestHosts;

namespace SaaSMdm.DeviceList.Bench;

/// <summary>
/// The portal's device grid and dashboard as an admin of the bench tenant gets them: whole pages over HTTP from a portal
/// (in the bench's process) that asks Core over gRPC. A case counts the rows (or dashboard tiles) on the page and fails
/// on any status but 200, so an error page cannot pass for a fast one.
/// </summary>
internal static partial class PortalCases
{
    private const string Password = "a long enough device grid bench password";

    public static async Task<PortalHttpSession> SignInAdminAsync(TestDatabase database, Guid tenantId, Uri portal)
    {
        var email = $"grid-admin-{Guid.NewGuid():N}@example.test";
        var person = new PersonEntity
        {
            Id = Guid.NewGuid(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = "Device grid bench",
            CreatedAt = StoredTime.UtcNow(TimeProvider.System),
        };
        person.PasswordHash = new PasswordHasher<PersonEntity>().HashPassword(person, Password);
        await using (var db = BenchDatabase.Context(database, tenantId))
        {
            db.Add(person);
            db.TenantMemberships.Add(new TenantMembershipEntity { TenantId = tenantId, PersonId = person.Id, Role = TenantRole.Admin, CreatedAt = person.CreatedAt });
            await db.SaveChangesAsync();
        }

        return await PortalHttpSession.SignedInAsync(portal, new TestPerson(person.Id, email, Password, null));
    }

    public static async Task<IReadOnlyList<BenchCase>> OfAsync(PortalHttpSession session, string slug, int pageSize)
    {
        var grid = $"/t/{slug}/devices";
        var (_, firstPage) = await session.GetAsync(grid);
        var total = int.Parse(Total().Match(firstPage).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var lastPage = Math.Max(1, (total + pageSize - 1) / pageSize);
        return
        [
            Page("device grid", "first page", grid, Rows),
            Page("device grid", "sorted by name", $"{grid}?sort=name&dir=asc", Rows),
            Page("device grid", "page 1,000 of 50", $"{grid}?page=1000&size=50", Rows),
            Page("device grid", "last page", $"{grid}?page={lastPage}&size={pageSize}", Rows),
            Page("device grid", "iOS 17", $"{grid}?platform=ios&os=17", Rows),
            Page("device grid", "search \"anna\"", $"{grid}?q=anna", Rows),
            Page("device grid", "never checked in", $"{grid}?seen=never", Rows),
            Page("dashboard", "whole tenant", $"/t/{slug}", Tiles),
        ];

        BenchCase Page(string group, string name, string path, Regex items) => new(group, name, async cancellationToken =>
        {
            using var response = await session.Http.GetAsync(path, cancellationToken);
            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            var count = items.Count(html);
            return response.StatusCode == HttpStatusCode.OK && count > 0
                ? count
                : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} with {count} items.");
        });
    }

    [GeneratedRegex("data-total=\"([0-9]+)\"")]
    private static partial Regex Total();

    [GeneratedRegex("data-device=")]
    private static partial Regex Rows { get; }

    [GeneratedRegex("data-tile=")]
    private static partial Regex Tiles { get; }
}
