using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>Device management: CAs, push certificates, enrollment tokens, enrollments, inventory, the command queue and results.</summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261121120000_DeviceManagement")]
public sealed class DeviceManagement : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "open_enrollment", table: "tenants", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "certificate_authorities",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                certificate_der = table.Column<byte[]>(nullable: false),
                protected_private_key = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_certificate_authorities", t => t.tenant_id));

        migrationBuilder.CreateTable(
            name: "push_certificates",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                topic = table.Column<string>(nullable: false),
                certificate_der = table.Column<byte[]>(nullable: false),
                protected_private_key = table.Column<string>(nullable: false),
                not_before = table.Column<DateTime>(nullable: false),
                not_after = table.Column<DateTime>(nullable: false),
                uploaded_at = table.Column<DateTime>(nullable: false),
                is_development = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_push_certificates", t => t.tenant_id));
        migrationBuilder.CreateIndex(name: "ix_push_certificates_topic", table: "push_certificates", column: "topic");

        migrationBuilder.CreateTable(
            name: "enrollment_tokens",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                secret_hash = table.Column<string>(maxLength: 64, nullable: false),
                label = table.Column<string>(maxLength: 200, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: true),
                max_uses = table.Column<int>(nullable: false),
                uses = table.Column<int>(nullable: false),
                revoked_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_enrollment_tokens", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_enrollment_tokens_secret_hash", table: "enrollment_tokens", column: "secret_hash", unique: true);
        migrationBuilder.CreateIndex(name: "ix_enrollment_tokens_tenant_id", table: "enrollment_tokens", column: "tenant_id");

        migrationBuilder.CreateTable(
            name: "scep_challenges",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                challenge_hash = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                used_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_scep_challenges", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_scep_challenges_challenge_hash", table: "scep_challenges", column: "challenge_hash", unique: true);
        migrationBuilder.CreateIndex(name: "ix_scep_challenges_expires_at", table: "scep_challenges", column: "expires_at");

        migrationBuilder.CreateTable(
            name: "enrollments",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                channel_id = table.Column<string>(maxLength: 512, nullable: false),
                kind = table.Column<int>(nullable: false),
                parent_id = table.Column<Guid>(nullable: true),
                state = table.Column<int>(nullable: false),
                udid = table.Column<string>(nullable: true),
                serial_number = table.Column<string>(nullable: true),
                imei = table.Column<string>(nullable: true),
                meid = table.Column<string>(nullable: true),
                device_name = table.Column<string>(nullable: true),
                model = table.Column<string>(nullable: true),
                model_name = table.Column<string>(nullable: true),
                product_name = table.Column<string>(nullable: true),
                os_version = table.Column<string>(nullable: true),
                build_version = table.Column<string>(nullable: true),
                user_id = table.Column<string>(nullable: true),
                user_short_name = table.Column<string>(nullable: true),
                user_long_name = table.Column<string>(nullable: true),
                topic = table.Column<string>(nullable: true),
                push_token = table.Column<byte[]>(nullable: true),
                push_magic = table.Column<string>(nullable: true),
                push_token_invalid_since = table.Column<DateTime>(nullable: true),
                protected_unlock_token = table.Column<string>(nullable: true),
                protected_bootstrap_token = table.Column<string>(nullable: true),
                identity_certificate_der = table.Column<byte[]>(nullable: true),
                identity_certificate_sha256 = table.Column<string>(maxLength: 64, nullable: true),
                awaiting_configuration = table.Column<bool>(nullable: false),
                authenticated_at = table.Column<DateTime>(nullable: false),
                enrolled_at = table.Column<DateTime>(nullable: true),
                checked_out_at = table.Column<DateTime>(nullable: true),
                token_update_count = table.Column<int>(nullable: false),
                last_seen_at = table.Column<DateTime>(nullable: true),
                last_push_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_enrollments", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_enrollments_tenant_id_channel_id", table: "enrollments", columns: ["tenant_id", "channel_id"], unique: true);
        migrationBuilder.CreateIndex(name: "ix_enrollments_tenant_id_state_enrolled_at", table: "enrollments", columns: ["tenant_id", "state", "enrolled_at"]);
        migrationBuilder.CreateIndex(name: "ix_enrollments_identity_certificate_sha256", table: "enrollments", column: "identity_certificate_sha256");
        migrationBuilder.CreateIndex(name: "ix_enrollments_parent_id", table: "enrollments", column: "parent_id");

        migrationBuilder.CreateTable(
            name: "inventory_snapshots",
            columns: table => new
            {
                enrollment_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 64, nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                json = table.Column<string>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inventory_snapshots", t => new { t.enrollment_id, t.kind }));

        migrationBuilder.CreateTable(
            name: "commands",
            columns: table => new
            {
                id = table.Column<string>(maxLength: 64, nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                request_type = table.Column<string>(maxLength: 128, nullable: false),
                plist = table.Column<byte[]>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_commands", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_commands_tenant_id_created_at", table: "commands", columns: ["tenant_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "command_queue",
            columns: table => new
            {
                enrollment_id = table.Column<Guid>(nullable: false),
                command_id = table.Column<string>(maxLength: 64, nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                sequence = table.Column<long>(nullable: false),
                status = table.Column<int>(nullable: false),
                queued_at = table.Column<DateTime>(nullable: false),
                not_now_at = table.Column<DateTime>(nullable: true),
                not_now_count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_command_queue", t => new { t.enrollment_id, t.command_id }));
        migrationBuilder.CreateIndex(name: "ix_command_queue_enrollment_id_sequence", table: "command_queue", columns: ["enrollment_id", "sequence"]);

        migrationBuilder.CreateTable(
            name: "command_results",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                enrollment_id = table.Column<Guid>(nullable: false),
                command_id = table.Column<string>(maxLength: 64, nullable: false),
                status = table.Column<int>(nullable: false),
                result_plist = table.Column<byte[]>(nullable: true),
                received_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_command_results", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_command_results_enrollment_id_received_at", table: "command_results", columns: ["enrollment_id", "received_at"]);
        migrationBuilder.CreateIndex(name: "ix_command_results_command_id", table: "command_results", column: "command_id");
        migrationBuilder.CreateIndex(name: "ix_command_results_received_at", table: "command_results", column: "received_at");

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                friendly_name = table.Column<string>(nullable: false),
                xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_data_protection_keys", t => t.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "data_protection_keys", "command_results", "command_queue", "commands", "inventory_snapshots",
            "enrollments", "scep_challenges", "enrollment_tokens", "push_certificates", "certificate_authorities",
        })
        {
            migrationBuilder.DropTable(table);
        }

        migrationBuilder.DropColumn(name: "open_enrollment", table: "tenants");
    }
}
