using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passbind.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SealedChallenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "binding_challenges");

            migrationBuilder.DropColumn(
                name: "ChallengeCredentialId",
                table: "sign_in_transactions");

            migrationBuilder.DropColumn(
                name: "ChallengeExpireTime",
                table: "sign_in_transactions");

            migrationBuilder.DropColumn(
                name: "ChallengeHash",
                table: "sign_in_transactions");

            migrationBuilder.DropColumn(
                name: "ChallengeKeyType",
                table: "sign_in_transactions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "ChallengeCredentialId",
                table: "sign_in_transactions",
                type: "bytea",
                maxLength: 1023,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChallengeExpireTime",
                table: "sign_in_transactions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ChallengeHash",
                table: "sign_in_transactions",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChallengeKeyType",
                table: "sign_in_transactions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "binding_challenges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChallengeHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    ExpireTime = table.Column<long>(type: "bigint", nullable: false),
                    JobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_binding_challenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_binding_challenges_credential_binding_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "credential_binding_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_binding_challenges_ExpireTime",
                table: "binding_challenges",
                column: "ExpireTime");

            migrationBuilder.CreateIndex(
                name: "IX_binding_challenges_JobId_ChallengeHash",
                table: "binding_challenges",
                columns: new[] { "JobId", "ChallengeHash" },
                unique: true);
        }
    }
}
