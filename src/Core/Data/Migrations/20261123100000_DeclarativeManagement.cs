using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>
/// Declarative Device Management: declarations, sets, device groups, assignments, each enrollment's tokens and
/// status, management properties and asset data.
/// </summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261123100000_DeclarativeManagement")]
public sealed class DeclarativeManagement : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "default_status_subscription", table: "tenants", nullable: false, defaultValue: true);

        migrationBuilder.CreateTable(
            name: "declarations",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                identifier = table.Column<string>(maxLength: 64, nullable: false),
                type = table.Column<string>(maxLength: 128, nullable: false),
                payload_json = table.Column<string>(nullable: false),
                server_token = table.Column<string>(maxLength: 64, nullable: false),
                touch_count = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_declarations", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_declarations_tenant_id_identifier", table: "declarations", columns: ["tenant_id", "identifier"], unique: true);

        migrationBuilder.CreateTable(
            name: "declaration_sets",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                description = table.Column<string>(maxLength: 2000, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_declaration_sets", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_declaration_sets_tenant_id_name", table: "declaration_sets", columns: ["tenant_id", "name"], unique: true);

        migrationBuilder.CreateTable(
            name: "declaration_set_members",
            columns: table => new
            {
                set_id = table.Column<Guid>(nullable: false),
                declaration_id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_declaration_set_members", t => new { t.set_id, t.declaration_id }));
        migrationBuilder.CreateIndex(name: "ix_declaration_set_members_declaration_id", table: "declaration_set_members", column: "declaration_id");

        migrationBuilder.CreateTable(
            name: "device_groups",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_device_groups", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_device_groups_tenant_id_name", table: "device_groups", columns: ["tenant_id", "name"], unique: true);

        migrationBuilder.CreateTable(
            name: "device_group_members",
            columns: table => new
            {
                group_id = table.Column<Guid>(nullable: false),
                enrollment_id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_device_group_members", t => new { t.group_id, t.enrollment_id }));
        migrationBuilder.CreateIndex(name: "ix_device_group_members_enrollment_id", table: "device_group_members", column: "enrollment_id");

        migrationBuilder.CreateTable(
            name: "enrollment_set_assignments",
            columns: table => new
            {
                enrollment_id = table.Column<Guid>(nullable: false),
                set_id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                assigned_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_enrollment_set_assignments", t => new { t.enrollment_id, t.set_id }));
        migrationBuilder.CreateIndex(name: "ix_enrollment_set_assignments_set_id", table: "enrollment_set_assignments", column: "set_id");

        migrationBuilder.CreateTable(
            name: "group_set_assignments",
            columns: table => new
            {
                group_id = table.Column<Guid>(nullable: false),
                set_id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                assigned_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_group_set_assignments", t => new { t.group_id, t.set_id }));
        migrationBuilder.CreateIndex(name: "ix_group_set_assignments_set_id", table: "group_set_assignments", column: "set_id");

        migrationBuilder.CreateTable(
            name: "declarative_states",
            columns: table => new
            {
                enrollment_id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                declarations_token = table.Column<string>(maxLength: 64, nullable: true),
                token_changed_at = table.Column<DateTime>(nullable: true),
                status_json = table.Column<string>(nullable: true),
                errors_json = table.Column<string>(nullable: true),
                client_capabilities_json = table.Column<string>(nullable: true),
                status_updated_at = table.Column<DateTime>(nullable: true),
                last_full_report_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_declarative_states", t => t.enrollment_id));

        migrationBuilder.CreateTable(
            name: "declaration_statuses",
            columns: table => new
            {
                enrollment_id = table.Column<Guid>(nullable: false),
                identifier = table.Column<string>(maxLength: 64, nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                category = table.Column<string>(maxLength: 16, nullable: false),
                active = table.Column<bool>(nullable: false),
                valid = table.Column<string>(maxLength: 16, nullable: false),
                server_token = table.Column<string>(maxLength: 64, nullable: false),
                reasons_json = table.Column<string>(nullable: true),
                reported_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_declaration_statuses", t => new { t.enrollment_id, t.identifier }));
        migrationBuilder.CreateIndex(name: "ix_declaration_statuses_tenant_id_identifier", table: "declaration_statuses", columns: ["tenant_id", "identifier"]);

        migrationBuilder.CreateTable(
            name: "status_reports",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                enrollment_id = table.Column<Guid>(nullable: false),
                report_json = table.Column<byte[]>(nullable: false),
                full_report = table.Column<bool>(nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_status_reports", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_status_reports_enrollment_id_received_at", table: "status_reports", columns: ["enrollment_id", "received_at"]);
        migrationBuilder.CreateIndex(name: "ix_status_reports_received_at", table: "status_reports", column: "received_at");

        migrationBuilder.CreateTable(
            name: "management_properties",
            columns: table => new
            {
                enrollment_id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(maxLength: 128, nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                value_json = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_management_properties", t => new { t.enrollment_id, t.key }));

        migrationBuilder.CreateTable(
            name: "asset_data",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                content_type = table.Column<string>(maxLength: 255, nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                size = table.Column<long>(nullable: false),
                data = table.Column<byte[]>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_asset_data", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_asset_data_tenant_id", table: "asset_data", column: "tenant_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in (string[])["asset_data", "management_properties", "status_reports", "declaration_statuses", "declarative_states",
            "group_set_assignments", "enrollment_set_assignments", "device_group_members", "device_groups", "declaration_set_members",
            "declaration_sets", "declarations"])
        {
            migrationBuilder.DropTable(name: table);
        }

        migrationBuilder.DropColumn(name: "default_status_subscription", table: "tenants");
    }
}
