namespace Passbind.Server.Features.SignIn;

/// <summary>The route values that name a sign-in transaction.</summary>
internal sealed record TransactionAddress(string TenantId, string RealmId, string TransactionId);
