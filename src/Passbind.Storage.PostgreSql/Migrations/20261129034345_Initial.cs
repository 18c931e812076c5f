using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passbind.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SealedPrivateKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tenants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "realms",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Classification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_realms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_realms_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "character varying(64)", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsManaged = table.Column<bool>(type: "boolean", nullable: false),
                    Classification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClientSecretHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    AllowedScopes = table.Column<string>(type: "text", nullable: false),
                    TokenRealm = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TokenLifetimeSeconds = table.Column<int>(type: "integer", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_applications_realms_RealmId",
                        column: x => x.RealmId,
                        principalTable: "realms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "authenticator_configs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "character varying(64)", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    InvokeUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    InvocationType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    TrustedOriginsJson = table.Column<string>(type: "text", nullable: false),
                    AuthenticationMethodsJson = table.Column<string>(type: "text", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authenticator_configs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_authenticator_configs_realms_RealmId",
                        column: x => x.RealmId,
                        principalTable: "realms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "identities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "character varying(64)", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NormalizedUsername = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PrimaryEmailAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    TraitsJson = table.Column<string>(type: "text", nullable: false),
                    UserHandle = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_identities_realms_RealmId",
                        column: x => x.RealmId,
                        principalTable: "realms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "themes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "character varying(64)", nullable: false),
                    EmailRealmName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LogoUrlLight = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    LogoUrlDark = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    SupportUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    ButtonColor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ButtonTextColor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_themes_realms_RealmId",
                        column: x => x.RealmId,
                        principalTable: "realms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "credential_binding_jobs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "text", nullable: false),
                    IdentityId = table.Column<string>(type: "character varying(64)", nullable: false),
                    DeliveryMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PostBindingRedirectUri = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    AuthenticatorConfigId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    ExpireTime = table.Column<long>(type: "bigint", nullable: false),
                    CredentialId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credential_binding_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_credential_binding_jobs_identities_IdentityId",
                        column: x => x.IdentityId,
                        principalTable: "identities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "credentials",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "text", nullable: false),
                    IdentityId = table.Column<string>(type: "character varying(64)", nullable: false),
                    CredentialId = table.Column<byte[]>(type: "bytea", maxLength: 1023, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    JwkJson = table.Column<string>(type: "text", nullable: false),
                    JwkThumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignCount = table.Column<long>(type: "bigint", nullable: false),
                    BackupEligible = table.Column<bool>(type: "boolean", nullable: false),
                    BackupState = table.Column<bool>(type: "boolean", nullable: false),
                    UserVerified = table.Column<bool>(type: "boolean", nullable: false),
                    AttestationFormat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Aaguid = table.Column<Guid>(type: "uuid", nullable: false),
                    Transports = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    KeyType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BindingJobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    UpdateTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_credentials_identities_IdentityId",
                        column: x => x.IdentityId,
                        principalTable: "identities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "binding_challenges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChallengeHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    KeyType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExpireTime = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "text", nullable: false),
                    RealmId = table.Column<string>(type: "text", nullable: false),
                    JobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    HtmlBody = table.Column<string>(type: "text", nullable: false),
                    TextBody = table.Column<string>(type: "text", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptTime = table.Column<long>(type: "bigint", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseExpireTime = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Transport = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    LinkExpireTime = table.Column<long>(type: "bigint", nullable: true),
                    CreateTime = table.Column<long>(type: "bigint", nullable: false),
                    SentTime = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outbox_messages_credential_binding_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "credential_binding_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_ClientId",
                table: "applications",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_RealmId",
                table: "applications",
                column: "RealmId");

            migrationBuilder.CreateIndex(
                name: "IX_authenticator_configs_RealmId",
                table: "authenticator_configs",
                column: "RealmId");

            migrationBuilder.CreateIndex(
                name: "IX_authenticator_configs_TenantId_RealmId_Id",
                table: "authenticator_configs",
                columns: new[] { "TenantId", "RealmId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_binding_challenges_ExpireTime",
                table: "binding_challenges",
                column: "ExpireTime");

            migrationBuilder.CreateIndex(
                name: "IX_binding_challenges_JobId_ChallengeHash",
                table: "binding_challenges",
                columns: new[] { "JobId", "ChallengeHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credential_binding_jobs_IdentityId",
                table: "credential_binding_jobs",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_credential_binding_jobs_TenantId_RealmId_IdentityId_Id",
                table: "credential_binding_jobs",
                columns: new[] { "TenantId", "RealmId", "IdentityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_credentials_CredentialId",
                table: "credentials",
                column: "CredentialId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credentials_IdentityId",
                table: "credentials",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_credentials_TenantId_RealmId_IdentityId_Id",
                table: "credentials",
                columns: new[] { "TenantId", "RealmId", "IdentityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_identities_RealmId_NormalizedUsername",
                table: "identities",
                columns: new[] { "RealmId", "NormalizedUsername" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identities_TenantId_RealmId_Id",
                table: "identities",
                columns: new[] { "TenantId", "RealmId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_JobId",
                table: "outbox_messages",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_MessageId",
                table: "outbox_messages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_State_NextAttemptTime",
                table: "outbox_messages",
                columns: new[] { "State", "NextAttemptTime" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Transport_CreateTime",
                table: "outbox_messages",
                columns: new[] { "Transport", "CreateTime" });

            migrationBuilder.CreateIndex(
                name: "IX_realms_TenantId_Id",
                table: "realms",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_themes_RealmId",
                table: "themes",
                column: "RealmId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "authenticator_configs");

            migrationBuilder.DropTable(
                name: "binding_challenges");

            migrationBuilder.DropTable(
                name: "credentials");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropTable(
                name: "themes");

            migrationBuilder.DropTable(
                name: "credential_binding_jobs");

            migrationBuilder.DropTable(
                name: "identities");

            migrationBuilder.DropTable(
                name: "realms");

            migrationBuilder.DropTable(
                name: "tenants");
        }
    }
}
