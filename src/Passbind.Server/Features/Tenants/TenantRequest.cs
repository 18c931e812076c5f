namespace Passbind.Server.Features.Tenants;

/// <summary>The body of a patch: <c>{"tenant": {...}}</c>.</summary>
internal sealed record TenantRequest(TenantFields? Tenant);
