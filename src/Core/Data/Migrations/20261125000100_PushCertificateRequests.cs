using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>The pending push key of each tenant, waiting for Apple to certify it.</summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261125000100_PushCertificateRequests")]
public sealed class PushCertificateRequests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "push_certificate_requests",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                protected_private_key = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_push_certificate_requests", t => t.tenant_id));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "push_certificate_requests");
}
