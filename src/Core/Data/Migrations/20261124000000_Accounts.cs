using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>
/// Accounts: people (ASP.NET Core Identity), MSP organizations, roles per tenant and per MSP, OAuth2 API clients,
/// refresh tokens and the keys that sign access tokens.
/// </summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261124000000_Accounts")]
public sealed class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "msp_organization_id", table: "tenants", nullable: true);
        migrationBuilder.CreateIndex(name: "ix_tenants_msp_organization_id", table: "tenants", column: "msp_organization_id");

        migrationBuilder.CreateTable(
            name: "people",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                display_name = table.Column<string>(maxLength: 200, nullable: false),
                is_operator = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                user_name = table.Column<string>(maxLength: 256, nullable: true),
                normalized_user_name = table.Column<string>(maxLength: 256, nullable: true),
                email = table.Column<string>(maxLength: 256, nullable: true),
                normalized_email = table.Column<string>(maxLength: 256, nullable: true),
                email_confirmed = table.Column<bool>(nullable: false),
                password_hash = table.Column<string>(nullable: true),
                security_stamp = table.Column<string>(nullable: true),
                concurrency_stamp = table.Column<string>(nullable: true),
                phone_number = table.Column<string>(nullable: true),
                phone_number_confirmed = table.Column<bool>(nullable: false),
                two_factor_enabled = table.Column<bool>(nullable: false),
                lockout_end = table.Column<DateTimeOffset>(nullable: true),
                lockout_enabled = table.Column<bool>(nullable: false),
                access_failed_count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_people", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_people_normalized_email", table: "people", column: "normalized_email");
        migrationBuilder.CreateIndex(name: "ix_people_normalized_user_name", table: "people", column: "normalized_user_name", unique: true);

        migrationBuilder.CreateTable(
            name: "person_claims",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<Guid>(nullable: false),
                claim_type = table.Column<string>(nullable: true),
                claim_value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_person_claims", t => t.id);
                table.ForeignKey("fk_person_claims_people_user_id", t => t.user_id, "people", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_person_claims_user_id", table: "person_claims", column: "user_id");

        migrationBuilder.CreateTable(
            name: "person_logins",
            columns: table => new
            {
                login_provider = table.Column<string>(nullable: false),
                provider_key = table.Column<string>(nullable: false),
                provider_display_name = table.Column<string>(nullable: true),
                user_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_person_logins", t => new { t.login_provider, t.provider_key });
                table.ForeignKey("fk_person_logins_people_user_id", t => t.user_id, "people", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_person_logins_user_id", table: "person_logins", column: "user_id");

        migrationBuilder.CreateTable(
            name: "person_tokens",
            columns: table => new
            {
                user_id = table.Column<Guid>(nullable: false),
                login_provider = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_person_tokens", t => new { t.user_id, t.login_provider, t.name });
                table.ForeignKey("fk_person_tokens_people_user_id", t => t.user_id, "people", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "msp_organizations",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_msp_organizations", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_msp_organizations_name", table: "msp_organizations", column: "name", unique: true);

        migrationBuilder.CreateTable(
            name: "tenant_memberships",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                person_id = table.Column<Guid>(nullable: false),
                role = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_tenant_memberships", t => new { t.tenant_id, t.person_id }));
        migrationBuilder.CreateIndex(name: "ix_tenant_memberships_person_id", table: "tenant_memberships", column: "person_id");

        migrationBuilder.CreateTable(
            name: "msp_memberships",
            columns: table => new
            {
                msp_organization_id = table.Column<Guid>(nullable: false),
                person_id = table.Column<Guid>(nullable: false),
                role = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_msp_memberships", t => new { t.msp_organization_id, t.person_id }));
        migrationBuilder.CreateIndex(name: "ix_msp_memberships_person_id", table: "msp_memberships", column: "person_id");

        migrationBuilder.CreateTable(
            name: "api_clients",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                client_id = table.Column<string>(maxLength: 64, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                secret_hash = table.Column<string>(maxLength: 64, nullable: false),
                tenant_id = table.Column<Guid>(nullable: true),
                msp_organization_id = table.Column<Guid>(nullable: true),
                is_operator = table.Column<bool>(nullable: false),
                is_portal = table.Column<bool>(nullable: false),
                scopes = table.Column<string>(maxLength: 2000, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                secret_created_at = table.Column<DateTime>(nullable: false),
                revoked_at = table.Column<DateTime>(nullable: true),
                last_used_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_api_clients", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_api_clients_client_id", table: "api_clients", column: "client_id", unique: true);
        migrationBuilder.CreateIndex(name: "ix_api_clients_tenant_id", table: "api_clients", column: "tenant_id");
        migrationBuilder.CreateIndex(name: "ix_api_clients_msp_organization_id", table: "api_clients", column: "msp_organization_id");

        migrationBuilder.CreateTable(
            name: "refresh_tokens",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                family_id = table.Column<Guid>(nullable: false),
                person_id = table.Column<Guid>(nullable: false),
                api_client_id = table.Column<Guid>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                used_at = table.Column<DateTime>(nullable: true),
                revoked_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_refresh_tokens", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_refresh_tokens_token_hash", table: "refresh_tokens", column: "token_hash", unique: true);
        migrationBuilder.CreateIndex(name: "ix_refresh_tokens_family_id", table: "refresh_tokens", column: "family_id");
        migrationBuilder.CreateIndex(name: "ix_refresh_tokens_expires_at", table: "refresh_tokens", column: "expires_at");

        migrationBuilder.CreateTable(
            name: "signing_keys",
            columns: table => new
            {
                id = table.Column<string>(maxLength: 64, nullable: false),
                protected_private_key = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                activates_at = table.Column<DateTime>(nullable: false),
                retires_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_signing_keys", t => t.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "signing_keys", "refresh_tokens", "api_clients", "msp_memberships", "tenant_memberships", "msp_organizations", "person_tokens", "person_logins", "person_claims", "people" })
        {
            migrationBuilder.DropTable(name: table);
        }

        migrationBuilder.DropIndex(name: "ix_tenants_msp_organization_id", table: "tenants");
        migrationBuilder.DropColumn(name: "msp_organization_id", table: "tenants");
    }
}
