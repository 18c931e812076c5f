namespace Passbind.Server.Features.Tenants;

internal sealed record TenantResponse(string Id, string DisplayName, DateTimeOffset CreateTime, DateTimeOffset UpdateTime);
