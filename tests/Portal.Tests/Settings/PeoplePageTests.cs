using System.Net;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>The people page over HTTP against a real Core: owners invite, change roles and remove; others only look.</summary>
public sealed class PeoplePageTests(CoreFixture<OnSqlite> core) : PortalPageTests(() => core.Host), IClassFixture<CoreFixture<OnSqlite>>
{
    private Members.MembersClient Api => new(core.Host.Channel.CreateCallInvoker());

    private string Page => $"/t/{Tenant.Slug}/settings/people";

    [Fact]
    public async Task An_owner_invites_changes_the_role_of_and_removes_a_person()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Owner);
        using var _ = session;
        var email = $"invitee-{Guid.NewGuid():N}@example.test";

        var invited = await session.PostFormAsync(Page, "add-member", new() { ["Add.Email"] = email, ["Add.DisplayName"] = "Invitee", ["Add.Role"] = "HelpDesk" });

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Contains($"{email} is invited", await SettingsKit.HtmlOf(invited));
        var member = (await MembersAsync()).Single(m => m.Email == email);
        Assert.Equal(TenantRole.HelpDesk, member.Role);

        var edit = $"{Page}?edit={member.PersonId}";
        var changed = await session.PostFormAsync(edit, "set-role", new() { ["Role.PersonId"] = member.PersonId, ["Role.Role"] = "Admin" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(TenantRole.Admin, (await MembersAsync()).Single(m => m.Email == email).Role);
        Assert.Contains($"data-member=\"{member.PersonId}\" data-member-role=\"Admin\"", (await session.GetAsync(Page)).Html);

        var remove = $"{Page}?remove={member.PersonId}";
        Assert.Contains("Remove Invitee from", WebUtility.HtmlDecode((await session.GetAsync(remove)).Html));
        var removed = await session.PostFormAsync(remove, "remove-member", new() { ["Remove.PersonId"] = member.PersonId });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(await MembersAsync(), m => m.Email == email);
    }

    [Fact]
    public async Task Core_refuses_to_demote_the_last_owner_and_the_page_says_so()
    {
        var (owner, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Owner);
        using var _ = session;
        var id = owner.Id.ToString();

        var response = await session.PostFormAsync($"{Page}?edit={id}", "set-role", new() { ["Role.PersonId"] = id, ["Role.Role"] = "ReadOnly" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-error", await SettingsKit.HtmlOf(response));
        Assert.Equal(TenantRole.Owner, (await MembersAsync()).Single(m => m.PersonId == id).Role);
    }

    [Fact]
    public async Task A_malformed_email_is_refused_with_Core_message_and_nobody_is_added()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Owner);
        using var _ = session;
        var before = (await MembersAsync()).Count;

        var response = await session.PostFormAsync(Page, "add-member", new() { ["Add.Email"] = "not an email", ["Add.DisplayName"] = "X", ["Add.Role"] = "ReadOnly" });

        Assert.Contains("email must be one email address", await SettingsKit.HtmlOf(response));
        Assert.Equal(before, (await MembersAsync()).Count);
    }

    [Fact]
    public async Task An_admin_sees_the_people_but_no_forms_and_a_forged_invite_adds_nobody()
    {
        var (admin, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using var _ = session;

        var page = await session.GetAsync($"{Page}?edit={admin.Id}&remove={admin.Id}");
        Assert.Contains($"data-member=\"{admin.Id}\"", page.Html);
        Assert.Contains("data-role-notice", page.Html);
        SettingsKit.HasNoChangingForms(page.Html);

        var forged = await session.PostFormAsync(Page, "add-member", new() { ["Add.Email"] = "forged@example.test", ["Add.Role"] = "Owner" }, page.Html);
        var forgedRole = await session.PostFormAsync($"{Page}?edit={admin.Id}", "set-role", new() { ["Role.PersonId"] = admin.Id.ToString(), ["Role.Role"] = "Owner" }, page.Html);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedRole.StatusCode);
        var members = await MembersAsync();
        Assert.DoesNotContain(members, m => m.Email == "forged@example.test");
        Assert.Equal(TenantRole.Admin, members.Single(m => m.PersonId == admin.Id.ToString()).Role);
    }

    [Fact]
    public async Task A_person_past_the_first_page_can_have_the_role_changed_and_be_removed_from_its_page()
    {
        for (var i = 0; i < 101; i++)
        {
            var email = $"many-{i:D3}-{Guid.NewGuid():N}@example.test";
            await RateLimited.CallAsync(() => Api.AddMemberAsync(new AddMemberRequest { TenantId = Tenant.Id, Email = email, DisplayName = email, Role = TenantRole.ReadOnly }).ResponseAsync);
        }

        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Owner);
        using var _ = session;

        var second = await SettingsKit.SecondPageAsync(session, Page, "More people");
        var id = SettingsKit.FirstRowId(second.Html, "data-member", " data-member-role=\"ReadOnly\"");
        var editLink = SettingsKit.LinkTo(second.Html, $"edit={id}");
        var removeLink = SettingsKit.LinkTo(second.Html, $"remove={id}");
        var (_, editing) = await session.GetAsync(editLink);
        var changed = await session.PostFormAsync(editLink, "set-role", new() { ["Role.PersonId"] = id, ["Role.Role"] = "HelpDesk" });
        var roleAfter = (await AllMembersAsync()).Single(m => m.PersonId == id).Role;
        var removed = await session.PostFormAsync(removeLink, "remove-member", new() { ["Remove.PersonId"] = id });

        Assert.Contains("page=", editLink);
        Assert.Contains("page=", removeLink);
        Assert.Contains("id=\"role-select\"", editing);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(TenantRole.HelpDesk, roleAfter);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(await AllMembersAsync(), m => m.PersonId == id);
    }

    private async Task<List<Member>> AllMembersAsync()
    {
        var request = new ListMembersRequest { TenantId = Tenant.Id, PageSize = 1000 };
        return [.. (await Api.ListMembersAsync(request)).Members];
    }

    private async Task<IReadOnlyList<Member>> MembersAsync() =>
        (await Api.ListMembersAsync(new ListMembersRequest { TenantId = Tenant.Id, PageSize = 100 })).Members;
}
