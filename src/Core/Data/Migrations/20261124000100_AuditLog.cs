using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>The per-tenant audit log: one row per state-changing API call, swept after Retention:AuditDays.</summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261124000100_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                occurred_at = table.Column<DateTime>(nullable: false),
                actor_kind = table.Column<int>(nullable: false),
                actor_id = table.Column<Guid>(nullable: false),
                actor_name = table.Column<string>(maxLength: 256, nullable: false),
                method = table.Column<string>(maxLength: 200, nullable: false),
                target = table.Column<string>(maxLength: 1000, nullable: false),
                outcome = table.Column<string>(maxLength: 32, nullable: false),
                detail = table.Column<string>(maxLength: 500, nullable: false),
                peer = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_audit_entries", t => t.id));
        migrationBuilder.CreateIndex(name: "ix_audit_entries_tenant_id_occurred_at", table: "audit_entries", columns: ["tenant_id", "occurred_at"]);
        migrationBuilder.CreateIndex(name: "ix_audit_entries_tenant_id_actor_name_occurred_at", table: "audit_entries", columns: ["tenant_id", "actor_name", "occurred_at"]);
        migrationBuilder.CreateIndex(name: "ix_audit_entries_tenant_id_actor_id_occurred_at", table: "audit_entries", columns: ["tenant_id", "actor_id", "occurred_at"]);
        migrationBuilder.CreateIndex(name: "ix_audit_entries_tenant_id_method_occurred_at", table: "audit_entries", columns: ["tenant_id", "method", "occurred_at"]);
        migrationBuilder.CreateIndex(name: "ix_audit_entries_occurred_at", table: "audit_entries", column: "occurred_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "audit_entries");
}
