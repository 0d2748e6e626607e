using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Apple.Schema;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Rpc;
using SaaSMdm.TestHosts;
using SaaSMdm.TestSupport.AppleSchema;
using DeclarationsClient = SaaSMdm.Contracts.V1.Declarations.DeclarationsClient;

namespace SaaSMdm.Core.Tests.Api;

/// <summary>Every declaration type in Apple's schema goes through PutDeclaration: a valid example is stored, a wrong key type is refused.</summary>
public sealed class DeclarationTypesApiTests(DeclarationTypesApiTests.Fixture fixture) : IClassFixture<DeclarationTypesApiTests.Fixture>
{
    /// <summary>One tenant for every type: creating a tenant makes its CA key, which is slow here.</summary>
    public sealed class Fixture : ApiFixture<OnSqlite>
    {
        private Task<Tenant>? _tenant;

        public Task<Tenant> TenantAsync() => _tenant ??= CreateTenantAsync();
    }

    public static TheoryData<string> DeclarationTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AppleSchemaCatalog.Default.OfKind(SchemaKind.Declaration).Select(d => d.TypeName).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    private DeclarationsClient Api => new(fixture.Host.Channel.CreateCallInvoker());

    [Theory]
    [MemberData(nameof(DeclarationTypes))]
    public async Task A_valid_example_is_stored_and_a_wrong_key_type_refused(string type)
    {
        var tenant = await fixture.TenantAsync();
        var identifier = "valid-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(type)))[..16];
        var keys = AppleSchemaCatalog.Default.FindDeclaration(type)!.PayloadKeys;

        var valid = SchemaSamples.Dictionary(keys);
        var stored = await Api.PutDeclarationAsync(new PutDeclarationRequest { TenantId = tenant.Id, Identifier = identifier, Type = type, PayloadJson = Json(valid) });
        Assert.True(stored.Created);
        Assert.Equal(type, (await Api.GetDeclarationAsync(new GetDeclarationRequest { TenantId = tenant.Id, Identifier = identifier })).Type);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Api.PutDeclarationAsync(new PutDeclarationRequest { TenantId = tenant.Id, Identifier = "broken-" + identifier, Type = type, PayloadJson = Broken(keys) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.False(await fixture.InTenantAsync(tenant.Id, db => db.Declarations.AnyAsync(d => d.Identifier.StartsWith("broken-"))));
    }

    /// <summary>
    /// The example with its first typed key given a wrong type; where every key takes any value (management
    /// properties), the one thing that can be wrong is the payload not being an object.
    /// </summary>
    private static string Broken(SchemaKeyList keys)
    {
        var broken = SchemaSamples.Dictionary(keys);
        if (SampleSites.Present(keys, broken, string.Empty).FirstOrDefault(site => site.Key.Type != SchemaValueType.Any) is { } site)
        {
            site.Replace(SampleSites.WrongType(site.Key));
            return Json(broken);
        }

        if (keys.FirstOrDefault(key => !key.IsWildcard && key.Type != SchemaValueType.Any) is { } optional)
        {
            broken.Add(optional.Name, SampleSites.WrongType(optional));
            return Json(broken);
        }

        Assert.All(keys, key => Assert.True(key.IsWildcard || key.Type == SchemaValueType.Any));
        return "[]";
    }

    private static string Json(PlistDictionary sample) => SchemaSamples.ToJson(sample)!.ToJsonString();
}
