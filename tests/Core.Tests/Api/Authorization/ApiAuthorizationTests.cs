using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Api;
using SaaSMdm.Core.Identity;
using SaaSMdm.Rpc;
using static SaaSMdm.Core.Tests.Api.Authorization.AnyApiCall;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace SaaSMdm.Core.Tests.Api.Authorization;

/// <summary>
/// Walks every RPC of the public API over real gRPC: each refuses a call without a valid token (none, expired, signed
/// by another key), a token without its scope, and a caller of another tenant; and each lets the right caller through.
/// A service added to <see cref="PublicApi"/> is walked without changes here; one left out of it must not be served.
/// </summary>
public sealed class ApiAuthorizationTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    private const string ContractPackage = "saasmdm.v1";

    /// <summary>
    /// Account-level methods (no tenant_id) whose default expectation does not fit: by default a request is empty, the
    /// right caller is tenant A's client with the method's scope, and another tenant's caller may get an answer as long
    /// as nothing in it is tenant A's.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, AccountMethodRule> AccountMethodRules = new Dictionary<string, AccountMethodRule>
    {
        ["saasmdm.v1.Tenants.CreateTenant"] = new(_ => new CreateTenantRequest { Slug = NewSlug(), DisplayName = "Walked" }, ForeignRefused: true, OperatorOnly: true),
        ["saasmdm.v1.Tenants.GetTenant"] = new(parties => new GetTenantRequest { Id = parties.TenantA.Id }, ForeignRefused: true),
    };

    public static TheoryData<string> Methods => [.. PublicApi.Services.SelectMany(service => service.Methods).Select(method => method.FullName)];

    public static TheoryData<string> TenantScopedMethods => [.. PublicApi.TenantScopedServices.SelectMany(service => service.Methods).Select(method => method.FullName)];

    public static TheoryData<string> PublicServices => [.. PublicApi.ServiceNames];

    [Fact]
    public async Task Every_service_of_the_public_contract_is_walked_here_or_not_served_at_all()
    {
        var contract = typeof(Tenant).Assembly.GetTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(FileDescriptor))
            .Select(property => (FileDescriptor)property!.GetValue(null)!)
            .Where(file => file.Package == ContractPackage)
            .SelectMany(file => file.Services)
            .ToList();
        var walked = PublicApi.ServiceNames.ToHashSet(StringComparer.Ordinal);

        Assert.Subset(contract.Select(service => service.FullName).ToHashSet(StringComparer.Ordinal), walked);
        Assert.DoesNotContain(PublicApi.Services.SelectMany(service => service.Methods), method => method.IsClientStreaming);
        foreach (var method in contract.Where(service => !walked.Contains(service.FullName)).SelectMany(service => service.Methods))
        {
            // A contract service Core maps must be in PublicApi, or its calls would skip authentication.
            var outcome = await CallAsync(fixture.PlainChannel, method, EmptyRequest(method, fixture.TenantA.Id), authorization: null);
            Assert.True(outcome.Code == StatusCode.Unimplemented, $"{method.FullName} is served but not in PublicApi: {outcome}");
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Without_a_valid_token_every_call_is_UNAUTHENTICATED(string name)
    {
        var method = MethodNamed(name);
        var request = RequestAboutTenantA(method);
        var coreKey = await fixture.Callers.CoreSigningKeyAsync();
        var now = DateTime.UtcNow;
        var attempts = new (string Case, string? Authorization, string Reason)[]
        {
            ("no token", null, "needs an access token"),
            ("not a bearer token", "Basic " + Convert.ToBase64String("a:b"u8), "needs an access token"),
            ("not a JWT", Bearer("not-a-token"), "not a JWT"),
            ("unsigned", Bearer(Unsigned(fixture.Callers.Mint(fixture.ClientA, coreKey.Key, now, now.AddMinutes(5)))), "access token"),
            ("expired an hour ago", Bearer(fixture.Callers.Mint(fixture.ClientA, coreKey.Key, now.AddHours(-2), now.AddHours(-1))), "expired"),
            ("not valid yet", Bearer(fixture.Callers.Mint(fixture.ClientA, coreKey.Key, now.AddHours(1), now.AddHours(2))), "access token"),
            ("another key under Core's key id", Bearer(fixture.Callers.Mint(fixture.ClientA, TestCallers.ForeignKey(coreKey.Id), now, now.AddMinutes(5))), "signature"),
            ("another key under an unknown key id", Bearer(fixture.Callers.Mint(fixture.ClientA, TestCallers.ForeignKey("unknown-" + Guid.NewGuid()), now, now.AddMinutes(5))), "signature"),
        };

        foreach (var (what, authorization, reason) in attempts)
        {
            var outcome = await CallAsync(fixture.PlainChannel, method, request, authorization);

            Assert.True(outcome.Code == StatusCode.Unauthenticated, $"{what}: {outcome}");
            Assert.Contains(reason, outcome.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_token_minted_here_with_Cores_key_is_accepted_so_the_refusals_above_are_for_the_reason_given()
    {
        var coreKey = await fixture.Callers.CoreSigningKeyAsync();
        var now = DateTime.UtcNow;
        var token = fixture.Callers.Mint(fixture.ClientA, coreKey.Key, now.AddMinutes(-1), now.AddMinutes(5));

        var outcome = await CallAsync(fixture.PlainChannel, Contracts.V1.Tenants.Descriptor.FindMethodByName("ListTenants"), new ListTenantsRequest(), Bearer(token));

        Assert.Equal(StatusCode.OK, outcome.Code);
        Assert.Equal([fixture.TenantA.Id], ((ListTenantsResponse)outcome.Response!).Tenants.Select(tenant => tenant.Id));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_token_with_every_scope_but_the_methods_is_PERMISSION_DENIED(string name)
    {
        var method = MethodNamed(name);
        var scope = RequiredScope(method);
        var token = await fixture.Callers.TokenAsync(fixture.ClientA, ApiScopes.All.Where(other => other != scope));

        var outcome = await CallAsync(fixture.PlainChannel, method, RequestAboutTenantA(method), Bearer(token));

        Assert.True(outcome.Code == StatusCode.PermissionDenied, outcome.ToString());
        Assert.Contains(scope, outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TenantScopedMethods))]
    public async Task A_person_whose_role_lacks_the_scope_is_PERMISSION_DENIED(string name)
    {
        var method = MethodNamed(name);
        var scope = RequiredScope(method);
        var readOnly = ApiScopes.OfRole(Data.Entities.TenantRole.ReadOnly).Contains(scope);

        var outcome = await CallAsync(fixture.PlainChannel, method, RequestAboutTenantA(method), Bearer(fixture.ReadOnlyOfAToken));

        if (readOnly)
        {
            Assert.False(outcome.Refused, $"A read-only member may call {name}: {outcome}");
        }
        else
        {
            Assert.True(outcome.Code == StatusCode.PermissionDenied, outcome.ToString());
            Assert.Contains(scope, outcome.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Another_tenants_callers_are_refused_or_get_nothing_of_tenant_A(string name)
    {
        var method = MethodNamed(name);
        var rule = RuleFor(method);
        var callers = new (string Who, string Token)[]
        {
            ("tenant B's client with every scope", await fixture.Callers.TokenAsync(fixture.ClientB)),
            ("tenant B's owner", fixture.OwnerOfBToken),
        };

        foreach (var (who, token) in callers)
        {
            var outcome = await CallAsync(fixture.PlainChannel, method, rule.Request(fixture), Bearer(token));

            if (rule.ForeignRefused)
            {
                Assert.True(outcome.Code == StatusCode.PermissionDenied, $"{who}: {outcome}");
            }
            else
            {
                Assert.True(outcome.Code != StatusCode.Unauthenticated, $"{who}: {outcome}");
                AssertNothingOfTenantA(outcome, who);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task The_right_caller_is_let_through(string name)
    {
        var method = MethodNamed(name);
        var rule = RuleFor(method);
        var scope = RequiredScope(method);
        var token = rule.OperatorOnly || !ApiScopes.TenantScopes.Contains(scope)
            ? await fixture.Callers.TokenAsync(fixture.Operator)
            : await fixture.Callers.TokenAsync(fixture.ClientA, [scope]);

        var outcome = await CallAsync(fixture.PlainChannel, method, rule.Request(fixture), Bearer(token));

        // An empty request may well be INVALID_ARGUMENT or NOT_FOUND; what matters is that access was not the problem.
        Assert.False(outcome.Refused, outcome.ToString());
        Assert.DoesNotContain(outcome.Code, new[] { StatusCode.Internal, StatusCode.Unknown, StatusCode.Unimplemented });
    }

    [Theory]
    [MemberData(nameof(TenantScopedMethods))]
    public async Task A_malformed_tenant_id_is_INVALID_ARGUMENT_and_an_unknown_one_NOT_FOUND_to_operators_only(string name)
    {
        var method = MethodNamed(name);
        var operatorToken = Bearer(await fixture.Callers.TokenAsync(fixture.Operator));
        var before = await fixture.CountAllAsync();

        var malformed = await CallAsync(fixture.PlainChannel, method, EmptyRequest(method, "tenant-1"), operatorToken);
        var empty = await CallAsync(fixture.PlainChannel, method, EmptyRequest(method, ""), operatorToken);
        var unknown = await CallAsync(fixture.PlainChannel, method, EmptyRequest(method, Guid.NewGuid().ToString()), operatorToken);
        var unknownToATenant = await CallAsync(fixture.PlainChannel, method, EmptyRequest(method, Guid.NewGuid().ToString()), Bearer(await fixture.Callers.TokenAsync(fixture.ClientA)));

        Assert.Equal(StatusCode.InvalidArgument, malformed.Code);
        Assert.Contains("tenant_id", malformed.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, empty.Code);
        Assert.Equal(StatusCode.NotFound, unknown.Code);
        // A tenant's client cannot tell a tenant that does not exist from one that is not its own.
        Assert.Equal(StatusCode.PermissionDenied, unknownToATenant.Code);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    [Theory]
    [MemberData(nameof(PublicServices))]
    public async Task Health_answers_for_the_public_services_without_a_token(string service)
    {
        var health = new HealthClient(fixture.PlainChannel.CreateCallInvoker());

        var response = await health.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task A_tenants_client_lists_and_gets_only_its_own_tenant()
    {
        var tenants = new Contracts.V1.Tenants.TenantsClient(fixture.PlainChannel.CreateCallInvoker());
        var asB = new Rpc.Client.CallOptions(new Metadata().Add("authorization", Bearer(await fixture.Callers.TokenAsync(fixture.ClientB))));

        var listed = await tenants.ListTenantsAsync(new ListTenantsRequest(), asB);
        var own = await tenants.GetTenantAsync(new GetTenantRequest { Slug = fixture.TenantB.Slug }, asB);
        var bySlug = await Assert.ThrowsAsync<RpcException>(() => tenants.GetTenantAsync(new GetTenantRequest { Slug = fixture.TenantA.Slug }, asB).ResponseAsync);
        var byId = await Assert.ThrowsAsync<RpcException>(() => tenants.GetTenantAsync(new GetTenantRequest { Id = fixture.TenantA.Id }, asB).ResponseAsync);

        Assert.Equal([fixture.TenantB.Id], listed.Tenants.Select(tenant => tenant.Id));
        Assert.Equal(fixture.TenantB.Id, own.Id);
        Assert.Equal(StatusCode.PermissionDenied, bySlug.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byId.StatusCode);
    }

    [Fact]
    public async Task Refused_writes_store_nothing_while_the_same_request_from_the_right_caller_does()
    {
        var identifier = "com.example.walk." + Guid.NewGuid().ToString("N");
        var method = Contracts.V1.Declarations.Descriptor.FindMethodByName("PutDeclaration");
        var put = new PutDeclarationRequest
        {
            TenantId = fixture.TenantA.Id, Identifier = identifier, Type = "com.apple.configuration.passcode.settings", PayloadJson = """{"MinimumLength": 6}""",
        };
        var refusedCallers = new (string Who, string? Authorization)[]
        {
            ("no token", null),
            ("tenant B's client", Bearer(await fixture.Callers.TokenAsync(fixture.ClientB))),
            ("tenant B's owner", Bearer(fixture.OwnerOfBToken)),
            ("tenant A's client without declarations:write", Bearer(await fixture.Callers.TokenAsync(fixture.ClientA, [ApiScopes.DeclarationsRead]))),
            ("tenant A's read-only member", Bearer(fixture.ReadOnlyOfAToken)),
        };

        foreach (var (who, authorization) in refusedCallers)
        {
            var refused = await CallAsync(fixture.PlainChannel, method, put, authorization);
            Assert.True(refused.Refused, $"{who}: {refused}");
        }

        var storedWhileRefused = await DeclarationsOfTenantAAsync(identifier);
        var allowed = await CallAsync(fixture.PlainChannel, method, put, Bearer(await fixture.Callers.TokenAsync(fixture.ClientA, [ApiScopes.DeclarationsWrite])));

        Assert.Equal(0, storedWhileRefused);
        Assert.Equal(StatusCode.OK, allowed.Code);
        Assert.Equal(1, await DeclarationsOfTenantAAsync(identifier));
    }

    [Fact]
    public async Task A_refused_enrollment_token_or_tenant_is_not_made()
    {
        var before = await fixture.CountAllAsync();
        var asB = Bearer(await fixture.Callers.TokenAsync(fixture.ClientB));
        var slug = NewSlug();

        var token = await CallAsync(
            fixture.PlainChannel, Contracts.V1.Enrollment.Descriptor.FindMethodByName("CreateEnrollmentToken"),
            new CreateEnrollmentTokenRequest { TenantId = fixture.TenantA.Id, Label = "Refused" }, asB);
        var tenant = await CallAsync(
            fixture.PlainChannel, Contracts.V1.Tenants.Descriptor.FindMethodByName("CreateTenant"), new CreateTenantRequest { Slug = slug, DisplayName = "Refused" }, asB);
        var lookup = await CallAsync(
            fixture.PlainChannel, Contracts.V1.Tenants.Descriptor.FindMethodByName("GetTenant"), new GetTenantRequest { Slug = slug }, Bearer(await fixture.Callers.TokenAsync(fixture.Operator)));

        Assert.Equal(StatusCode.PermissionDenied, token.Code);
        Assert.Equal(StatusCode.PermissionDenied, tenant.Code);
        Assert.Equal(StatusCode.NotFound, lookup.Code);
        Assert.Equal(before, await fixture.CountAllAsync());
    }

    private Task<int> DeclarationsOfTenantAAsync(string identifier) =>
        fixture.InTenantAsync(fixture.TenantA.Id, db => db.Declarations.CountAsync(declaration => declaration.Identifier == identifier));

    private IMessage RequestAboutTenantA(MethodDescriptor method) => RuleFor(method).Request(fixture);

    private void AssertNothingOfTenantA(ApiOutcome outcome, string who)
    {
        var answer = outcome.Response is null ? outcome.Detail : JsonFormatter.Default.Format(outcome.Response) + " " + outcome.Detail;
        Assert.False(answer.Contains(fixture.TenantA.Id, StringComparison.OrdinalIgnoreCase), $"{who} got tenant A's id: {answer}");
        Assert.False(answer.Contains(fixture.TenantA.Slug, StringComparison.Ordinal), $"{who} got tenant A's slug: {answer}");
    }

    private static AccountMethodRule RuleFor(MethodDescriptor method)
    {
        if (AccountMethodRules.TryGetValue(method.FullName, out var rule))
        {
            return rule;
        }

        var aboutTenant = PublicApi.TenantScopedServices.Contains(method.Service) || method.InputType.FindFieldByName("tenant_id") is not null;
        return new AccountMethodRule(parties => EmptyRequest(method, parties.TenantA.Id), ForeignRefused: aboutTenant);
    }

    private static MethodDescriptor MethodNamed(string fullName) =>
        PublicApi.Services.SelectMany(service => service.Methods).Single(method => method.FullName == fullName);

    private static string RequiredScope(MethodDescriptor method) => method.GetOptions().GetExtension(AccessExtensions.RequiredScope);

    private static string NewSlug() => $"w-{Guid.NewGuid():N}"[..20];

    /// <summary>The token with its signature stripped and its header saying so (<c>alg: none</c>).</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + parts[1] + ".";
    }

    /// <param name="Request">The request about tenant A the walk sends.</param>
    /// <param name="ForeignRefused">Another tenant's caller must get PERMISSION_DENIED (else: may get an answer without tenant A in it).</param>
    /// <param name="OperatorOnly">Only an operator (or MSP) may call it, so the right caller of the walk is the operator.</param>
    private sealed record AccountMethodRule(Func<AuthorizationFixture, IMessage> Request, bool ForeignRefused, bool OperatorOnly = false);
}
