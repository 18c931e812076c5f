namespace Passbind.Server.Features.SignIn;

/// <summary>The server credential whose assertion completed a sign-in.</summary>
internal sealed record SignedInCredential(string Id, string IdentityId, string RealmId, string TenantId);
