using System.Net;
using System.Text.RegularExpressions;
using SaaSMdm.Contracts.V1;
using SaaSMdm.TestHosts;
using EntityRole = SaaSMdm.Core.Data.Entities.TenantRole;

namespace SaaSMdm.Portal.Tests.Settings;

/// <summary>The audit log page over HTTP against a real Core: filters in the query string and keyset paging.</summary>
public sealed partial class AuditLogPageTests(CoreFixture<OnSqlite> core) : PortalPageTests(() => core.Host), IClassFixture<CoreFixture<OnSqlite>>
{
    private Enrollment.EnrollmentClient Enrollment => new(core.Host.Channel.CreateCallInvoker());

    private string Page => $"/t/{Tenant.Slug}/settings/audit-log";

    [Fact]
    public async Task Read_only_sees_who_did_what_and_filters_by_RPC_and_outcome()
    {
        var (admin, adminSession) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.Admin);
        using (adminSession)
        {
            await adminSession.PostFormAsync($"/t/{Tenant.Slug}/enrollment", "create-token", new() { ["Create.Label"] = "audited", ["Create.ValidDays"] = "3", ["Create.MaxUses"] = "0" });
            await adminSession.PostFormAsync($"/t/{Tenant.Slug}/enrollment", "create-token", new() { ["Create.Label"] = "refused", ["Create.ValidDays"] = "3", ["Create.MaxUses"] = "-1" });
        }

        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.ReadOnly);
        using var _ = session;

        var all = await session.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Contains(admin.Email, all.Html);
        Assert.Contains("Enrollment/CreateEnrollmentToken", all.Html);
        SettingsKit.HasNoChangingForms(all.Html);

        var failed = await session.GetAsync($"{Page}?rpc=CreateEnrollmentToken&outcome=failed");
        var failedRows = AuditRow().Matches(failed.Html);
        Assert.Single(failedRows);
        Assert.DoesNotContain("data-outcome=\"OK\"", failed.Html);
        Assert.Contains("selected", Regex.Match(failed.Html, "<option value=\"failed\"[^>]*>").Value);

        var succeeded = await session.GetAsync($"{Page}?rpc=CreateEnrollmentToken&outcome=ok&actor={Uri.EscapeDataString(admin.Email)}");
        Assert.Single(AuditRow().Matches(succeeded.Html));
        Assert.Contains("data-outcome=\"OK\"", succeeded.Html);
    }

    [Fact]
    public async Task Older_follows_the_page_token_with_the_same_filters()
    {
        for (var i = 0; i < 51; i++)
        {
            await Enrollment.SetOpenEnrollmentAsync(new SetOpenEnrollmentRequest { TenantId = Tenant.Id, Open = i % 2 == 0 });
        }

        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.ReadOnly);
        using var _ = session;

        var first = await session.GetAsync($"{Page}?rpc=SetOpenEnrollment");
        Assert.Equal(50, AuditRow().Matches(first.Html).Count);
        var older = WebUtility.HtmlDecode(Regex.Match(first.Html, "<a href=\"([^\"]+)\" data-older").Groups[1].Value);
        Assert.Contains("rpc=SetOpenEnrollment", older);
        Assert.Contains("page=", older);

        var second = await session.GetAsync(older);
        Assert.Single(AuditRow().Matches(second.Html));
        Assert.DoesNotContain("data-older", second.Html);
    }

    [Fact]
    public async Task A_malformed_time_or_filter_is_explained_and_lists_nothing()
    {
        var (_, session) = await SettingsKit.SignedInAsync(core.Host, Portal, Tenant, EntityRole.ReadOnly);
        using var _ = session;

        var badTime = await session.GetAsync($"{Page}?from=yesterday");
        var badRpc = await session.GetAsync($"{Page}?rpc=NoSuchRpc");

        Assert.Contains("From: enter a date and time", WebUtility.HtmlDecode(badTime.Html));
        Assert.Contains("data-error", badRpc.Html);
        Assert.Empty(AuditRow().Matches(badRpc.Html));
    }

    [GeneratedRegex("<tr data-audit=")]
    private static partial Regex AuditRow();
}
