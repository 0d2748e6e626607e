using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>
/// An identity certificate binds at most one enrollment of a tenant, now enforced by the database as well. The
/// retention sweep finds unreferenced commands by age and by their queue rows, so both get an index; the
/// (tenant, state, enrolled at) index served no query and goes.
/// </summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261123000100_EnrollmentAndQueueIndexes")]
public sealed class EnrollmentAndQueueIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_enrollments_identity_certificate_sha256", table: "enrollments");
        migrationBuilder.CreateIndex(
            name: "ix_enrollments_tenant_id_identity_certificate_sha256",
            table: "enrollments",
            columns: ["tenant_id", "identity_certificate_sha256"],
            unique: true);
        migrationBuilder.DropIndex(name: "ix_enrollments_tenant_id_state_enrolled_at", table: "enrollments");
        migrationBuilder.CreateIndex(name: "ix_command_queue_command_id", table: "command_queue", column: "command_id");
        migrationBuilder.CreateIndex(name: "ix_commands_created_at", table: "commands", column: "created_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_commands_created_at", table: "commands");
        migrationBuilder.DropIndex(name: "ix_command_queue_command_id", table: "command_queue");
        migrationBuilder.CreateIndex(
            name: "ix_enrollments_tenant_id_state_enrolled_at",
            table: "enrollments",
            columns: ["tenant_id", "state", "enrolled_at"]);
        migrationBuilder.DropIndex(name: "ix_enrollments_tenant_id_identity_certificate_sha256", table: "enrollments");
        migrationBuilder.CreateIndex(name: "ix_enrollments_identity_certificate_sha256", table: "enrollments", column: "identity_certificate_sha256");
    }
}
