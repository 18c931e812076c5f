using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passbind.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ExpireTime",
                table: "signing_keys",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RealmId",
                table: "signing_keys",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "signing_keys",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastUsedTime",
                table: "credentials",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RpId",
                table: "authenticator_configs",
                type: "character varying(253)",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "ClientSecretHash",
                table: "applications",
                type: "bytea",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AddColumn<string>(
                name: "AuthenticatorConfigId",
                table: "applications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Confidentiality",
                table: "applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "confidential");

            migrationBuilder.AddColumn<string>(
                name: "GrantTypesJson",
                table: "applications",
                type: "text",
                nullable: false,
                defaultValue: "[\"client_credentials\"]");

            migrationBuilder.AddColumn<string>(
                name: "Pkce",
                table: "applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "disabled");

            migrationBuilder.AddColumn<long>(
                name: "PreviousClientSecretExpireTime",
                table: "applications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PreviousClientSecretHash",
                table: "applications",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtocolType",
                table: "applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "oauth2");

            migrationBuilder.AddColumn<string>(
                name: "RedirectUrisJson",
                table: "applications",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "SubjectField",
                table: "applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "id");

            migrationBuilder.AddColumn<string>(
                name: "TokenEndpointAuthMethod",
                table: "applications",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "client_secret_basic");

            migrationBuilder.AddColumn<string>(
                name: "TokenFormat",
                table: "applications",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "self_contained");

            migrationBuilder.AddColumn<string>(
                name: "TokenSigningAlgorithm",
                table: "applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "RS256");

            migrationBuilder.AddColumn<long>(
                name: "TokensValidAfter",
                table: "applications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "authorization_codes",
                columns: table => new
                {
                    CodeHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "text", nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdentityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CredentialId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RedirectUri = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    CodeChallenge = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CodeChallengeMethod = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Nonce = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Scope = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    AuthTime = table.Column<long>(type: "bigint", nullable: false),
                    Amr = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    ExpireTime = table.Column<long>(type: "bigint", nullable: false),
                    RedeemTime = table.Column<long>(type: "bigint", nullable: true),
                    GrantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authorization_codes", x => x.CodeHash);
                    table.ForeignKey(
                        name: "FK_authorization_codes_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "issued_tokens",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "text", nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    IdentityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    GrantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Scope = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    IssueTime = table.Column<long>(type: "bigint", nullable: false),
                    ExpireTime = table.Column<long>(type: "bigint", nullable: false),
                    RevokeTime = table.Column<long>(type: "bigint", nullable: true),
                    ReplacedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issued_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_issued_tokens_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_transactions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "text", nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthenticatorConfigId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RedirectUri = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    State = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Nonce = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Scope = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    CodeChallenge = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CodeChallengeMethod = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ChallengeHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    ChallengeExpireTime = table.Column<long>(type: "bigint", nullable: true),
                    ChallengeCredentialId = table.Column<byte[]>(type: "bytea", maxLength: 1023, nullable: true),
                    ChallengeKeyType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ClientIp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Referer = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    ExpireTime = table.Column<long>(type: "bigint", nullable: false),
                    CompleteTime = table.Column<long>(type: "bigint", nullable: true),
                    OtpHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    OtpIdentityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OtpExpireTime = table.Column<long>(type: "bigint", nullable: true),
                    OtpAttempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_transactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sign_in_transactions_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_signing_keys_TenantId_RealmId",
                table: "signing_keys",
                columns: new[] { "TenantId", "RealmId" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_AuthenticatorConfigId",
                table: "applications",
                column: "AuthenticatorConfigId");

            migrationBuilder.CreateIndex(
                name: "IX_applications_TenantId_RealmId_Id",
                table: "applications",
                columns: new[] { "TenantId", "RealmId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_authorization_codes_ApplicationId",
                table: "authorization_codes",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_authorization_codes_ExpireTime",
                table: "authorization_codes",
                column: "ExpireTime");

            migrationBuilder.CreateIndex(
                name: "IX_issued_tokens_ApplicationId_RevokeTime",
                table: "issued_tokens",
                columns: new[] { "ApplicationId", "RevokeTime" });

            migrationBuilder.CreateIndex(
                name: "IX_issued_tokens_ExpireTime",
                table: "issued_tokens",
                column: "ExpireTime");

            migrationBuilder.CreateIndex(
                name: "IX_issued_tokens_GrantId",
                table: "issued_tokens",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_issued_tokens_TokenHash",
                table: "issued_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_transactions_ApplicationId",
                table: "sign_in_transactions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_transactions_ExpireTime",
                table: "sign_in_transactions",
                column: "ExpireTime");

            migrationBuilder.AddForeignKey(
                name: "FK_applications_authenticator_configs_AuthenticatorConfigId",
                table: "applications",
                column: "AuthenticatorConfigId",
                principalTable: "authenticator_configs",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_applications_authenticator_configs_AuthenticatorConfigId",
                table: "applications");

            migrationBuilder.DropTable(
                name: "authorization_codes");

            migrationBuilder.DropTable(
                name: "issued_tokens");

            migrationBuilder.DropTable(
                name: "sign_in_transactions");

            migrationBuilder.DropIndex(
                name: "IX_signing_keys_TenantId_RealmId",
                table: "signing_keys");

            migrationBuilder.DropIndex(
                name: "IX_applications_AuthenticatorConfigId",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "IX_applications_TenantId_RealmId_Id",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ExpireTime",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "RealmId",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "LastUsedTime",
                table: "credentials");

            migrationBuilder.DropColumn(
                name: "RpId",
                table: "authenticator_configs");

            migrationBuilder.DropColumn(
                name: "AuthenticatorConfigId",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "Confidentiality",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "GrantTypesJson",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "Pkce",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "PreviousClientSecretExpireTime",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "PreviousClientSecretHash",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ProtocolType",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "RedirectUrisJson",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "SubjectField",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "TokenEndpointAuthMethod",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "TokenFormat",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "TokenSigningAlgorithm",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "TokensValidAfter",
                table: "applications");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ClientSecretHash",
                table: "applications",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldMaxLength: 32,
                oldNullable: true);
        }
    }
}
