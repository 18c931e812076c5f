namespace Passbind.Bench.Ceilings;

/// <summary>The server's rows a bind-shaped transaction works on: an identity and its realm's authenticator config.</summary>
internal sealed record BindTransactionTarget(string TenantId, string RealmId, string IdentityId, string AuthenticatorConfigId);
