using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api;
using SaaSMdm.Core.Api.Audit;

namespace SaaSMdm.Core.Tests.Api.Audit;

/// <summary>
/// Which RPCs are audited follows from the descriptors: every public RPC that needs a scope other than a ":read" one
/// is, every read RPC is not. A new write RPC appears here, and in the log, without anyone listing it.
/// </summary>
public sealed class AuditedMethodsTests
{
    public static TheoryData<string, string> PublicRpcs()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in PublicApi.Services.SelectMany(service => service.Methods))
        {
            data.Add($"/{method.Service.FullName}/{method.Name}", method.GetOptions().GetExtension(AccessExtensions.RequiredScope));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicRpcs))]
    public void Every_public_rpc_with_a_write_scope_is_audited_and_no_read(string path, string scope) =>
        Assert.Equal(!scope.EndsWith(":read", StringComparison.Ordinal), AuditedMethods.IsAudited(path));

    [Fact]
    public void The_audited_rpcs_include_the_account_and_tenant_writes_and_nothing_outside_the_public_api()
    {
        Assert.True(AuditedMethods.IsAudited("/saasmdm.v1.Tenants/CreateTenant"));
        Assert.True(AuditedMethods.IsAudited("/saasmdm.v1.Commands/EnqueueCommand"));
        Assert.False(AuditedMethods.IsAudited("/saasmdm.v1.AuditLog/ListAuditEntries"));
        Assert.False(AuditedMethods.IsAudited("/saasmdm.internal.v1.DeviceGateway/Scep"));
        Assert.False(AuditedMethods.IsAudited("/grpc.health.v1.Health/Check"));
    }

    [Theory]
    [InlineData("EnqueueCommand")]
    [InlineData("Commands/EnqueueCommand")]
    [InlineData("v1.Commands/EnqueueCommand")]
    [InlineData("/saasmdm.v1.Commands/EnqueueCommand")]
    public void A_method_filter_names_an_rpc_by_path_or_name(string name) =>
        Assert.Equal(["/saasmdm.v1.Commands/EnqueueCommand"], AuditedMethods.Named(name));

    [Theory]
    [InlineData("Command")]
    [InlineData("ListDevices")]
    [InlineData("mmands/EnqueueCommand")]
    public void A_method_filter_that_names_no_audited_rpc_matches_nothing(string name) =>
        Assert.Empty(AuditedMethods.Named(name));
}
