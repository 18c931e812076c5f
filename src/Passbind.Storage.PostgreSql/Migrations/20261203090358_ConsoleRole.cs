using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passbind.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ConsoleRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsoleRole",
                table: "identities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_identities_RealmId_PrimaryEmailAddress",
                table: "identities",
                columns: new[] { "RealmId", "PrimaryEmailAddress" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_identities_RealmId_PrimaryEmailAddress",
                table: "identities");

            migrationBuilder.DropColumn(
                name: "ConsoleRole",
                table: "identities");
        }
    }
}
