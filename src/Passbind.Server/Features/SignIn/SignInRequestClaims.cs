namespace Passbind.Server.Features.SignIn;

/// <summary>What a verified request JWT names.</summary>
internal sealed record SignInRequestClaims(string TenantId, string RealmId, string ApplicationId, string TransactionId);
