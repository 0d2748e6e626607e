using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>
/// The event log (numbered by the database on insert), webhooks with their deliveries and the attempts of each, and
/// the push certificate expiry notices already sent.
/// </summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261124000200_EventsAndWebhooks")]
public sealed class EventsAndWebhooks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "events",
            columns: table => new
            {
                sequence = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                type = table.Column<string>(maxLength: 64, nullable: false),
                occurred_at = table.Column<DateTime>(nullable: false),
                device_id = table.Column<Guid>(nullable: true),
                enrollment_id = table.Column<string>(maxLength: 512, nullable: true),
                data_json = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_events", t => t.sequence));
        migrationBuilder.CreateIndex(name: "ix_events_id", table: "events", column: "id", unique: true);
        migrationBuilder.CreateIndex(name: "ix_events_tenant_id_sequence", table: "events", columns: ["tenant_id", "sequence"]);
        migrationBuilder.CreateIndex(name: "ix_events_occurred_at", table: "events", column: "occurred_at");

        migrationBuilder.CreateTable(
            name: "webhooks",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                url = table.Column<string>(maxLength: 2048, nullable: false),
                event_types = table.Column<string>(maxLength: 1000, nullable: false),
                description = table.Column<string>(maxLength: 500, nullable: false),
                enabled = table.Column<bool>(nullable: false),
                disabled_reason = table.Column<string>(maxLength: 500, nullable: true),
                protected_secret = table.Column<string>(nullable: false),
                cursor = table.Column<long>(nullable: false),
                consecutive_failures = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_webhooks", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_webhooks_tenant_id", table: "webhooks", column: "tenant_id");

        migrationBuilder.CreateTable(
            name: "webhook_deliveries",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                webhook_id = table.Column<Guid>(nullable: false),
                event_id = table.Column<Guid>(nullable: false),
                event_type = table.Column<string>(maxLength: 64, nullable: false),
                payload = table.Column<string>(nullable: false),
                state = table.Column<int>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                next_attempt_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
                lease_token = table.Column<Guid>(nullable: true),
                lease_until = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_webhook_deliveries", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_webhook_deliveries_webhook_id_event_id", table: "webhook_deliveries", columns: ["webhook_id", "event_id"], unique: true);
        migrationBuilder.CreateIndex(name: "ix_webhook_deliveries_state_next_attempt_at", table: "webhook_deliveries", columns: ["state", "next_attempt_at"]);
        migrationBuilder.CreateIndex(name: "ix_webhook_deliveries_webhook_id_id", table: "webhook_deliveries", columns: ["webhook_id", "id"]);
        migrationBuilder.CreateIndex(name: "ix_webhook_deliveries_created_at", table: "webhook_deliveries", column: "created_at");

        migrationBuilder.CreateTable(
            name: "webhook_attempts",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                delivery_id = table.Column<Guid>(nullable: false),
                number = table.Column<int>(nullable: false),
                attempted_at = table.Column<DateTime>(nullable: false),
                http_status = table.Column<int>(nullable: true),
                error = table.Column<string>(maxLength: 500, nullable: true),
                duration_milliseconds = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_webhook_attempts", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_webhook_attempts_delivery_id_number", table: "webhook_attempts", columns: ["delivery_id", "number"], unique: true);
        migrationBuilder.CreateIndex(name: "ix_webhook_attempts_attempted_at", table: "webhook_attempts", column: "attempted_at");

        migrationBuilder.CreateTable(
            name: "push_certificate_notices",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                not_after = table.Column<DateTime>(nullable: false),
                threshold_days = table.Column<int>(nullable: false),
                sent_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_push_certificate_notices", t => new { t.tenant_id, t.not_after, t.threshold_days }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "push_certificate_notices", "webhook_attempts", "webhook_deliveries", "webhooks", "events" })
        {
            migrationBuilder.DropTable(name: table);
        }
    }
}
