using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>
/// Migrations are written by hand (EF's design-time package cannot be restored here) and stay
/// provider-neutral: column types come from CLR types, so SQLite and PostgreSQL each get their own.
/// MigratedSchemaTests checks the result against the model on both.
/// </summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261121000000_CreateTenants")]
public sealed class CreateTenants : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "tenants",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                slug = table.Column<string>(maxLength: 63, nullable: false),
                display_name = table.Column<string>(maxLength: 200, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_tenants", t => t.id));

        migrationBuilder.CreateIndex(name: "ix_tenants_slug", table: "tenants", column: "slug", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("tenants");
}
