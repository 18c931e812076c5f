using Microsoft.IdentityModel.Tokens;

namespace Passbind.Server.Features.Tokens;

/// <summary>One opened signing key of a realm, as the ring holds it.</summary>
internal sealed record RealmSigningKey(string TenantId, string RealmId, RsaSecurityKey Key, DateTimeOffset CreateTime, DateTimeOffset? ExpireTime)
{
    public string Id => Key.KeyId;

    /// <summary>Signs: no newer key has replaced it.</summary>
    public bool IsCurrent => ExpireTime is null;

    public bool VerifiesAt(DateTimeOffset now) => ExpireTime is null || ExpireTime > now;
}
