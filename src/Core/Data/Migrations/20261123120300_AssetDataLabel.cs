using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SaaSMdm.Core.Data.Migrations;

/// <summary>Asset data gets a label, so a tenant can tell its uploads apart.</summary>
[DbContext(typeof(CoreDbContext))]
[Migration("20261123120300_AssetDataLabel")]
public sealed class AssetDataLabel : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "label", table: "asset_data", maxLength: 200, nullable: false, defaultValue: "");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "label", table: "asset_data");
}
