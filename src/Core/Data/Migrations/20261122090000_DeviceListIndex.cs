using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>ListDevices walks a tenant's enrollments newest first by (authenticated_at, channel_id): one index range scan per page.</summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261122090000_DeviceListIndex")]
public sealed class DeviceListIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            name: "ix_enrollments_tenant_id_authenticated_at_channel_id",
            table: "enrollments",
            columns: ["tenant_id", "authenticated_at", "channel_id"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "ix_enrollments_tenant_id_authenticated_at_channel_id", table: "enrollments");
}
