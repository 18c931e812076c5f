using System.Text.Json;

namespace Passbind.Server.Features.Identities;

internal sealed record IdentityResponse(
    string Id,
    string RealmId,
    string TenantId,
    string DisplayName,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Status,
    string EnrollmentStatus,
    JsonElement Traits);
