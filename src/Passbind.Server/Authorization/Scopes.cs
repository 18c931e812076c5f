namespace Passbind.Server.Authorization;

/// <summary>The management scopes, <c>resource:action</c> as in Beyond Identity's API.</summary>
internal static class Scopes
{
    public const string TenantsRead = "tenants:read";
    public const string TenantsUpdate = "tenants:update";
    public const string RealmsCreate = "realms:create";
    public const string RealmsRead = "realms:read";
    public const string RealmsUpdate = "realms:update";
    public const string RealmsDelete = "realms:delete";
    public const string IdentitiesCreate = "identities:create";
    public const string IdentitiesRead = "identities:read";
    public const string IdentitiesUpdate = "identities:update";
    public const string IdentitiesDelete = "identities:delete";
    public const string CredentialsRead = "credentials:read";
    public const string CredentialsRevoke = "credentials:revoke";
    public const string BindingJobsCreate = "credential-binding-jobs:create";
    public const string BindingJobsRead = "credential-binding-jobs:read";
    public const string BindingJobsRevoke = "credential-binding-jobs:revoke";
    public const string AuthenticatorConfigsCreate = "authenticator-configs:create";
    public const string AuthenticatorConfigsRead = "authenticator-configs:read";
    public const string AuthenticatorConfigsUpdate = "authenticator-configs:update";
    public const string AuthenticatorConfigsDelete = "authenticator-configs:delete";
    public const string ApplicationsCreate = "applications:create";
    public const string ApplicationsRead = "applications:read";
    public const string ApplicationsUpdate = "applications:update";
    public const string ApplicationsDelete = "applications:delete";
    public const string ThemesRead = "themes:read";
    public const string ThemesUpdate = "themes:update";
    public const string EventsRead = "events:read";

    /// <summary>Every scope this server knows: what the bootstrap management application may grant.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        TenantsRead, TenantsUpdate,
        RealmsCreate, RealmsRead, RealmsUpdate, RealmsDelete,
        IdentitiesCreate, IdentitiesRead, IdentitiesUpdate, IdentitiesDelete,
        CredentialsRead, CredentialsRevoke,
        BindingJobsCreate, BindingJobsRead, BindingJobsRevoke,
        AuthenticatorConfigsCreate, AuthenticatorConfigsRead, AuthenticatorConfigsUpdate, AuthenticatorConfigsDelete,
        ApplicationsCreate, ApplicationsRead, ApplicationsUpdate, ApplicationsDelete,
        ThemesRead, ThemesUpdate,
        EventsRead,
    ];
}
