namespace Passbind.Server.Features.Realms;

internal sealed record RealmResponse(
    string Id,
    string TenantId,
    string DisplayName,
    string? Classification,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime);
