using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Identity;
using SaaSMdm.TestHosts;
using SaaSMdm.TestSupport;
using ApiTenantRole = SaaSMdm.Contracts.V1.TenantRole;

namespace SaaSMdm.Core.Tests.Api.Accounts;

/// <summary>
/// The unauthenticated account endpoints: a person's one-time tokens confirm an email and set a password; every
/// malformed, oversized or wrong request gets a 400 that repeats no token or password and changes nothing; tokens are
/// logged in Development only.
/// </summary>
public sealed partial class AccountEndpointsTests(CoreFixture<OnSqlite> fixture) : IClassFixture<CoreFixture<OnSqlite>>, IDisposable
{
    private readonly AccountsKit _kit = new(fixture.Host);

    [Fact]
    public async Task The_confirmation_token_confirms_the_email_and_a_wrong_one_reads_like_an_unknown_person()
    {
        var person = await InviteAsync();
        var token = await _kit.WithPeopleAsync(people => people.GenerateEmailConfirmationTokenAsync(person));

        var wrong = await PostAsync(AccountEndpoints.ConfirmEmailPath, new { person_id = person.Id, token = token + "x" });
        var unknown = await PostAsync(AccountEndpoints.ConfirmEmailPath, new { person_id = Guid.NewGuid(), token });
        Assert.False((await _kit.FindPersonAsync(person.Email!))!.EmailConfirmed);
        var confirmed = await PostAsync(AccountEndpoints.ConfirmEmailPath, new { person_id = person.Id, token });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(Detail(wrong.Body), Detail(unknown.Body));
        Assert.DoesNotContain(token, wrong.Body);
        Assert.Equal(HttpStatusCode.NoContent, confirmed.Status);
        Assert.True((await _kit.FindPersonAsync(person.Email!))!.EmailConfirmed);
    }

    [Fact]
    public async Task A_reset_token_sets_the_password_once_and_confirms_the_email()
    {
        var person = await InviteAsync();
        var token = await _kit.ResetTokenAsync(person.Email!);

        var weak = await PostAsync(AccountEndpoints.ResetPasswordPath, new { email = person.Email, token, new_password = "short" });
        var wrongToken = await PostAsync(AccountEndpoints.ResetPasswordPath, new { email = person.Email, token = "not-" + token, new_password = AccountsKit.Password });
        var unknownEmail = await PostAsync(AccountEndpoints.ResetPasswordPath, new { email = AccountsKit.NewEmail(), token, new_password = AccountsKit.Password });
        Assert.Null((await _kit.FindPersonAsync(person.Email!))!.PasswordHash);
        var reset = await PostAsync(AccountEndpoints.ResetPasswordPath, new { email = person.Email, token, new_password = AccountsKit.Password });
        var replay = await PostAsync(AccountEndpoints.ResetPasswordPath, new { email = person.Email, token, new_password = "yet another long password" });

        Assert.Equal(HttpStatusCode.BadRequest, weak.Status);
        Assert.Contains("12", Detail(weak.Body));
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.Status);
        Assert.Equal(Detail(wrongToken.Body), Detail(unknownEmail.Body));
        Assert.Equal(HttpStatusCode.NoContent, reset.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.True((await _kit.FindPersonAsync(person.Email!))!.EmailConfirmed);
        Assert.NotEmpty((await _kit.SignInAsync(person.Email!)).AccessToken);
        foreach (var answer in new[] { weak, wrongToken, unknownEmail, replay })
        {
            Assert.DoesNotContain(token, answer.Body);
            Assert.DoesNotContain("short", answer.Body);
            Assert.DoesNotContain(AccountsKit.Password, answer.Body);
        }
    }

    [Fact]
    public async Task Forgot_password_is_accepted_for_anyone_and_logs_no_token_outside_Development()
    {
        var person = await InviteAsync();

        var known = await PostAsync(AccountEndpoints.ForgotPasswordPath, new { email = person.Email });
        var unknown = await PostAsync(AccountEndpoints.ForgotPasswordPath, new { email = AccountsKit.NewEmail() });

        Assert.Equal(HttpStatusCode.Accepted, known.Status);
        Assert.Equal(HttpStatusCode.Accepted, unknown.Status);
        Assert.Equal(known.Body, unknown.Body);
        Assert.Contains($"Person {person.Id} asked to reset their password", fixture.Host.Logs.AllText);
        Assert.DoesNotContain("Development only", fixture.Host.Logs.AllText);
        Assert.All(fixture.Host.Logs.Lines.Where(line => line.Contains(nameof(AccountTokenDelivery), StringComparison.Ordinal)), line => Assert.DoesNotMatch(LongToken(), line));
    }

    [Theory]
    [InlineData("text/plain", "{\"email\": \"a@example.test\"}")]
    [InlineData("application/x-www-form-urlencoded", "email=a%40example.test")]
    [InlineData("application/json", "")]
    [InlineData("application/json", "null")]
    [InlineData("application/json", "[\"a@example.test\"]")]
    [InlineData("application/json", "{\"email\": ")]
    [InlineData("application/json", "{\"email\": 7}")]
    [InlineData("application/json", "{}")]
    [InlineData("application/json", "{\"email\": \"bell\\u0007@example.test\"}")]
    public async Task Malformed_bodies_are_400(string contentType, string body)
    {
        foreach (var path in new[] { AccountEndpoints.ConfirmEmailPath, AccountEndpoints.ForgotPasswordPath, AccountEndpoints.ResetPasswordPath })
        {
            using var response = await _kit.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Bodies_over_8_KiB_are_refused_without_changing_anything()
    {
        var person = await InviteAsync();
        var token = await _kit.ResetTokenAsync(person.Email!);

        var answer = await PostAsync(AccountEndpoints.ResetPasswordPath, new { email = person.Email, token, new_password = AccountsKit.Password, padding = new string('p', 9000) });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("larger", Detail(answer.Body));
        Assert.Null((await _kit.FindPersonAsync(person.Email!))!.PasswordHash);
    }

    [Fact]
    public async Task In_Development_the_invitation_is_logged_with_tokens_that_work()
    {
        var person = await InviteAsync();
        var logs = new CapturingLoggerProvider();
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var development = new HostingEnvironment { EnvironmentName = Environments.Development };
            using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));
            var delivery = new AccountTokenDelivery(
                scope.ServiceProvider.GetRequiredService<UserManager<PersonEntity>>(), development, loggers.CreateLogger<AccountTokenDelivery>());
            await delivery.InvitationAsync(person);
        }

        var line = Assert.Single(logs.Lines);
        Assert.Contains("Development only", line);
        var tokens = LongToken().Matches(line).Select(m => m.Value).ToList();
        Assert.Equal(2, tokens.Count);
        var reset = await PostAsync(AccountEndpoints.ResetPasswordPath, new { email = person.Email, token = tokens[1], new_password = AccountsKit.Password });
        Assert.Equal(HttpStatusCode.NoContent, reset.Status);
    }

    public void Dispose() => _kit.Dispose();

    /// <summary>Identity's data-protection tokens: long runs of base64url-ish characters, unlike anything else in a log line.</summary>
    [GeneratedRegex("[A-Za-z0-9+/=_-]{80,}")]
    private static partial Regex LongToken();

    private async Task<PersonEntity> InviteAsync()
    {
        var tenant = await _kit.CreateTenantAsync();
        var added = await new Members.MembersClient(_kit.Operator.CreateCallInvoker()).AddMemberAsync(
            new AddMemberRequest { TenantId = tenant.Id, Email = AccountsKit.NewEmail(), DisplayName = "Invited", Role = ApiTenantRole.ReadOnly });
        return (await _kit.FindPersonAsync(added.Member.Email))!;
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, object body)
    {
        using var response = await _kit.Http.PostAsJsonAsync(path, body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Detail(string problem) =>
        System.Text.Json.JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString()!;
}
