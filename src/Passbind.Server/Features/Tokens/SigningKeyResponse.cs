namespace Passbind.Server.Features.Tokens;

/// <summary>
/// A signing key of the realm, public facts only: <c>state</c> is <c>ACTIVE</c> for the key that signs and
/// <c>RETIRING</c> for one that only verifies until <c>expire_time</c>.
/// </summary>
internal sealed record SigningKeyResponse(string Id, string Algorithm, string State, DateTimeOffset CreateTime, DateTimeOffset? ExpireTime);
