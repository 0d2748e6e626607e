using System.Net;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Declarations;

/// <summary>Declaration sets, members, device groups and assignments through the portal's pages, against a real Core.</summary>
public sealed class DeclarationSetPagesTests(CoreFixture<OnSqlite> core) : DeclarationPortalTests(core)
{
    private const string Passcode = "com.apple.configuration.passcode.settings";

    [Fact]
    public async Task Sets_members_groups_and_assignments_made_through_the_pages_change_Core()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;
        await Kit.PutAsync(tenant, "com.example.one", Passcode, "{}");
        await Kit.PutAsync(tenant, "com.example.two", Passcode, """{"MinimumLength":4}""");
        var devices = await Kit.SeedDevicesAsync(tenant, 3);
        var sets = $"/t/{tenant.Slug}/declarations/sets";

        var (_, empty) = await session.GetAsync(sets);
        var created = await session.PostFormAsync(sets, "create-set", new() { ["name"] = "Phones", ["description"] = "Every phone" });
        var setPage = created.Headers.Location!.PathAndQuery.Split('?')[0];
        var setId = setPage.Split('/')[^1];
        await session.PostFormAsync(setPage, "members", new() { ["member"] = "com.example.two" });
        var (_, search) = await session.GetAsync(setPage + "?q=" + devices[0].SerialNumber);
        var assigned = await session.PostFormAsync(setPage, "assign-devices", new() { ["device"] = devices[0].Id.ToString() });
        var grouped = await session.PostFormAsync(sets, "group-devices", new() { ["group"] = "", ["group-name"] = "Lab", ["device"] = devices[1].Id.ToString() });
        var group = Assert.Single((await Kit.Api.ListDeviceGroupsAsync(new ListDeviceGroupsRequest { TenantId = tenant.Id })).Groups);
        await session.PostFormAsync(sets, "group-devices", new() { ["group"] = group.Id, ["device"] = devices[2].Id.ToString() });
        await session.PostFormAsync(setPage, "assign-group", new() { ["group"] = group.Id });
        await session.PostFormAsync(setPage, "rename", new() { ["name"] = "All phones", ["description"] = "" });

        var (_, page) = await session.GetAsync(setPage);
        var set = await Kit.Api.GetSetAsync(new GetSetRequest { TenantId = tenant.Id, SetId = setId });
        var assignments = await Kit.Api.ListAssignmentsAsync(new ListAssignmentsRequest { TenantId = tenant.Id, SetId = setId });
        var groupAfter = Assert.Single((await Kit.Api.ListDeviceGroupsAsync(new ListDeviceGroupsRequest { TenantId = tenant.Id })).Groups);

        Assert.Contains("No sets yet.", empty);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"value=\"{devices[0].Id}\"", search);
        Assert.DoesNotContain($"value=\"{devices[1].Id}\"", search);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, grouped.StatusCode);
        Assert.Equal("All phones", set.Name);
        Assert.Equal(["com.example.two"], set.DeclarationIdentifiers);
        Assert.Equal(devices[0].Id.ToString(), Assert.Single(assignments.Channels).DeviceId);
        Assert.Equal(group.Id, Assert.Single(assignments.Groups).GroupId);
        Assert.Equal(2, groupAfter.MemberCount);
        Assert.Contains($"data-assigned-device=\"{devices[0].Id}\"", page);
        Assert.Contains($"data-assigned-group=\"{group.Id}\"", page);

        var unassigned = await session.PostFormAsync(setPage, "unassign", new() { ["device"] = devices[0].Id.ToString() });
        var afterUnassign = await Kit.Api.ListAssignmentsAsync(new ListAssignmentsRequest { TenantId = tenant.Id, SetId = setId });
        var deleted = await session.PostFormAsync(setPage + "?confirm=delete", "delete-set", []);

        Assert.Equal(HttpStatusCode.Redirect, unassigned.StatusCode);
        Assert.Empty(afterUnassign.Channels);
        Assert.Single(afterUnassign.Groups);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty((await Kit.Api.ListSetsAsync(new ListSetsRequest { TenantId = tenant.Id })).Sets);
    }

    [Fact]
    public async Task Saving_members_offers_every_declaration_past_the_first_page_so_none_is_dropped_unseen()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;
        var identifiers = Enumerable.Range(0, 201).Select(i => $"com.example.many-{i:D3}").ToList();
        foreach (var identifier in identifiers)
        {
            await RateLimited.CallAsync(() => Kit.PutAsync(tenant, identifier, Passcode, "{}"));
        }

        var set = await Kit.Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Many" });
        await Kit.Api.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { identifiers[0], identifiers[^1] } });
        var setPage = $"/t/{tenant.Slug}/declarations/sets/{set.Id}";

        var (_, page) = await session.GetAsync(setPage);
        var saved = await Settings.SettingsKit.PostFieldsAsync(session, setPage, "members",
            [new("member", identifiers[0]), new("member", identifiers[^1]), new("member", identifiers[100])]);

        Assert.Equal(201, identifiers.Count(identifier => page.Contains($"name=\"member\" value=\"{identifier}\"", StringComparison.Ordinal)));
        Assert.Matches($"value=\"{identifiers[^1]}\" checked", page);
        Assert.DoesNotContain("data-members-too-many", page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([identifiers[0], identifiers[100], identifiers[^1]],
            (await Kit.Api.GetSetAsync(new GetSetRequest { TenantId = tenant.Id, SetId = set.Id })).DeclarationIdentifiers.Order());
    }

    [Fact]
    public async Task The_set_page_says_when_more_assignments_exist_than_it_shows()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.ReadOnly);
        using var _ = session;
        var devices = await Kit.SeedDevicesAsync(tenant, 201);
        var few = await Kit.Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Few" });
        var many = await Kit.Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Many" });
        await Kit.Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = few.Id, DeviceIds = { devices[0].Id.ToString() } });
        await Kit.Api.AssignSetAsync(new AssignSetRequest { TenantId = tenant.Id, SetId = many.Id, DeviceIds = { devices.Select(device => device.Id.ToString()) } });

        var (_, fewPage) = await session.GetAsync($"/t/{tenant.Slug}/declarations/sets/{few.Id}");
        var (_, manyPage) = await session.GetAsync($"/t/{tenant.Slug}/declarations/sets/{many.Id}");

        Assert.DoesNotContain("data-more-assignments", fewPage);
        Assert.Contains("data-more-assignments", manyPage);
        Assert.Equal(200, manyPage.Split("data-assigned-device=").Length - 1);
    }

    [Fact]
    public async Task The_delete_confirmation_shows_only_when_asked_for_not_after_another_form()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;
        var set = await Kit.Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Kept" });
        var setPage = $"/t/{tenant.Slug}/declarations/sets/{set.Id}";

        var (_, plain) = await session.GetAsync(setPage);
        var (_, asked) = await session.GetAsync(setPage + "?confirm=delete");
        var refusedRename = await session.PostFormAsync(setPage, "rename", new() { ["name"] = "", ["description"] = "" });
        var refusedHtml = await refusedRename.Content.ReadAsStringAsync();

        Assert.DoesNotContain("declaration-confirm", plain);
        Assert.Contains("declaration-confirm", asked);
        Assert.Equal(HttpStatusCode.OK, refusedRename.StatusCode);
        Assert.Contains("data-error", refusedHtml);
        Assert.DoesNotContain("declaration-confirm", refusedHtml);
        Assert.Contains("<h1 class=\"portal-title\">Set Kept</h1>", refusedHtml);
        Assert.Equal("Kept", (await Kit.Api.GetSetAsync(new GetSetRequest { TenantId = tenant.Id, SetId = set.Id })).Name);
    }

    [Fact]
    public async Task Core_refusal_of_a_set_change_is_shown_and_changes_nothing()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;
        var set = await Kit.Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Taken" });

        var duplicate = await session.PostFormAsync($"/t/{tenant.Slug}/declarations/sets", "create-set", new() { ["name"] = "Taken" });
        var unknownMember = await session.PostFormAsync($"/t/{tenant.Slug}/declarations/sets/{set.Id}", "members", new() { ["member"] = "com.example.missing" });

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("data-error", await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("data-error", await unknownMember.Content.ReadAsStringAsync());
        Assert.Single((await Kit.Api.ListSetsAsync(new ListSetsRequest { TenantId = tenant.Id })).Sets);
        Assert.Empty((await Kit.Api.GetSetAsync(new GetSetRequest { TenantId = tenant.Id, SetId = set.Id })).DeclarationIdentifiers);
    }

    [Fact]
    public async Task Read_only_person_sees_sets_without_forms_and_forged_posts_are_refused_by_Core()
    {
        var (tenant, session) = await Kit.TenantWithPersonAsync(EntityRole.HelpDesk);
        using var _ = session;
        await Kit.PutAsync(tenant, "com.example.member", Passcode, "{}");
        var set = await Kit.Api.CreateSetAsync(new CreateSetRequest { TenantId = tenant.Id, Name = "Locked" });
        await Kit.Api.SetSetDeclarationsAsync(new SetDeclarationsRequest { TenantId = tenant.Id, SetId = set.Id, Identifiers = { "com.example.member" } });
        var device = (await Kit.SeedDevicesAsync(tenant, 1))[0];
        var setPage = $"/t/{tenant.Slug}/declarations/sets/{set.Id}";

        var (_, list) = await session.GetAsync($"/t/{tenant.Slug}/declarations/sets");
        var (_, page) = await session.GetAsync(setPage);
        var forgedAssign = await session.PostFormAsync(setPage, "assign-devices", new() { ["device"] = device.Id.ToString() }, page);
        var forgedCreate = await session.PostFormAsync($"/t/{tenant.Slug}/declarations/sets", "create-set", new() { ["name"] = "Forged" }, list);

        Assert.Contains($"data-set=\"{set.Id}\"", list);
        Assert.DoesNotContain("name=\"_handler\"", list);
        Assert.Contains("data-member=\"com.example.member\"", page);
        Assert.DoesNotContain("name=\"_handler\"", page);
        Assert.Contains("Your role in this tenant does not allow this.", WebUtility.HtmlDecode(await forgedAssign.Content.ReadAsStringAsync()));
        Assert.Contains("Your role in this tenant does not allow this.", WebUtility.HtmlDecode(await forgedCreate.Content.ReadAsStringAsync()));
        Assert.Empty((await Kit.Api.ListAssignmentsAsync(new ListAssignmentsRequest { TenantId = tenant.Id, SetId = set.Id })).Channels);
        Assert.Single((await Kit.Api.ListSetsAsync(new ListSetsRequest { TenantId = tenant.Id })).Sets);
    }

    [Fact]
    public async Task Another_tenants_set_is_not_found()
    {
        var (other, otherSession) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        otherSession.Dispose();
        var theirs = await Kit.Api.CreateSetAsync(new CreateSetRequest { TenantId = other.Id, Name = "Theirs" });
        var (mine, session) = await Kit.TenantWithPersonAsync(EntityRole.Admin);
        using var _ = session;

        var (status, html) = await session.GetAsync($"/t/{mine.Slug}/declarations/sets/{theirs.Id}");
        var (malformed, __) = await session.GetAsync($"/t/{mine.Slug}/declarations/sets/not-an-id");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Theirs", html);
        Assert.Equal(HttpStatusCode.NotFound, malformed);
    }
}
