namespace Passbind.Server.Authorization;

/// <summary>Who a valid management token speaks for: one tenant, one realm or all of them, and its scopes.</summary>
internal sealed record ManagementPrincipal(string TenantId, string Realm, string ApplicationId, IReadOnlySet<string> Scopes)
{
    public const string AllRealms = "*";

    public bool CoversRealm(string realmId) => Realm == AllRealms || Realm == realmId;
}
