using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Contracts.V1;
using TenantsClient = SaaSMdm.Contracts.V1.Tenants.TenantsClient;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;

namespace SaaSMdm.Core.Tests;

public sealed class TenantsApiOnSqlite(CoreFixture<OnSqlite> fixture) : TenantsApiTests<OnSqlite>(fixture);

public sealed class TenantsApiOnPostgres(CoreFixture<OnPostgres> fixture) : TenantsApiTests<OnPostgres>(fixture);

/// <summary>The Tenants API over gRPC against a real Core, once per database provider.</summary>
public abstract class TenantsApiTests<TProvider>(CoreFixture<TProvider> fixture) : IClassFixture<CoreFixture<TProvider>>
    where TProvider : IProviderChoice
{
    private TenantsClient Client => fixture.Host.Tenants;

    private static string NewSlug(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Created_tenant_can_be_read_by_id_and_by_slug()
    {
        var slug = NewSlug();
        var before = DateTime.UtcNow.AddSeconds(-1);
        var created = await Client.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "  Springfield Schools  " });

        Assert.True(Guid.TryParse(created.Id, out _));
        Assert.Equal(slug, created.Slug);
        Assert.Equal("Springfield Schools", created.DisplayName);
        Assert.InRange(created.CreateTime.ToDateTime(), before, DateTime.UtcNow.AddSeconds(1));

        var byId = await Client.GetTenantAsync(new GetTenantRequest { Id = created.Id });
        var bySlug = await Client.GetTenantAsync(new GetTenantRequest { Slug = slug });
        Assert.Equal(created, byId);
        Assert.Equal(created, bySlug);
    }

    [Fact]
    public async Task Duplicate_slug_is_ALREADY_EXISTS_and_changes_nothing()
    {
        var slug = NewSlug();
        await Client.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "First" });

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Second" }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("First", (await Client.GetTenantAsync(new GetTenantRequest { Slug = slug })).DisplayName);
        Assert.Equal(1, await CountTenantsAsync(t => t.Slug == slug));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_slug_make_exactly_one_tenant()
    {
        var slug = NewSlug("race");
        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await Client.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Racer " + i });
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.AlreadyExists, o));
        Assert.Equal(1, await CountTenantsAsync(t => t.Slug == slug));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Upper-case")]
    [InlineData("1starts-with-digit")]
    [InlineData("ends-with-dash-")]
    [InlineData("has space")]
    [InlineData("under_score")]
    [InlineData("dots.are.out")]
    [InlineData("ünicode")]
    [InlineData("admin")]
    [InlineData("a-slug-that-is-far-too-long-to-be-accepted-as-a-tenant-slug-at-all")]
    public async Task Malformed_slug_is_INVALID_ARGUMENT_and_creates_nothing(string slug)
    {
        var count = await CountTenantsAsync(_ => true);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = "Name" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("slug", error.Status.Detail);
        Assert.Equal(count, await CountTenantsAsync(_ => true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    public async Task Malformed_display_name_is_INVALID_ARGUMENT(string displayName)
    {
        var slug = NewSlug();
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = displayName }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(0, await CountTenantsAsync(t => t.Slug == slug));
    }

    [Fact]
    public async Task Overlong_display_name_is_INVALID_ARGUMENT()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateTenantAsync(
            new CreateTenantRequest { Slug = NewSlug(), DisplayName = new string('x', 201) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Unknown_tenant_is_NOT_FOUND()
    {
        var byId = await Assert.ThrowsAsync<RpcException>(() => Client.GetTenantAsync(new GetTenantRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        var bySlug = await Assert.ThrowsAsync<RpcException>(() => Client.GetTenantAsync(new GetTenantRequest { Slug = "no-such-tenant" }).ResponseAsync);
        var byMalformedSlug = await Assert.ThrowsAsync<RpcException>(() => Client.GetTenantAsync(new GetTenantRequest { Slug = "../../etc" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, byId.StatusCode);
        Assert.Equal(StatusCode.NotFound, bySlug.StatusCode);
        Assert.Equal(StatusCode.NotFound, byMalformedSlug.StatusCode);
    }

    [Fact]
    public async Task Get_without_a_key_or_with_a_malformed_id_is_INVALID_ARGUMENT()
    {
        var noKey = await Assert.ThrowsAsync<RpcException>(() => Client.GetTenantAsync(new GetTenantRequest()).ResponseAsync);
        var badId = await Assert.ThrowsAsync<RpcException>(() => Client.GetTenantAsync(new GetTenantRequest { Id = "not-a-uuid" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, noKey.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badId.StatusCode);
    }

    [Fact]
    public async Task List_pages_through_every_tenant_in_slug_order_without_repeats()
    {
        var prefix = "page-" + Guid.NewGuid().ToString("N")[..6];
        var slugs = Enumerable.Range(0, 25).Select(i => $"{prefix}-{i:D2}").ToList();
        foreach (var slug in slugs.OrderBy(_ => Guid.NewGuid()))
        {
            await Client.CreateTenantAsync(new CreateTenantRequest { Slug = slug, DisplayName = slug });
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Client.ListTenantsAsync(new ListTenantsRequest { PageSize = 7, PageToken = token });
            Assert.True(page.Tenants.Count <= 7);
            seen.AddRange(page.Tenants.Select(t => t.Slug));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 100);

        Assert.Equal(seen.OrderBy(s => s, StringComparer.Ordinal), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(slugs, seen.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Malformed_page_token_and_negative_page_size_are_INVALID_ARGUMENT()
    {
        var badToken = await Assert.ThrowsAsync<RpcException>(() => Client.ListTenantsAsync(new ListTenantsRequest { PageToken = "%%%not-base64%%%" }).ResponseAsync);
        var negative = await Assert.ThrowsAsync<RpcException>(() => Client.ListTenantsAsync(new ListTenantsRequest { PageSize = -1 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, negative.StatusCode);
    }

    private async Task<int> CountTenantsAsync(System.Linq.Expressions.Expression<Func<TenantEntity, bool>> predicate)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Tenants.CountAsync(predicate);
    }
}
