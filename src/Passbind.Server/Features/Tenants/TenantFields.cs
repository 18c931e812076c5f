namespace Passbind.Server.Features.Tenants;

/// <summary>The writable fields of a tenant; read-only ones a client sends are ignored, as the spec says.</summary>
internal sealed record TenantFields(string? DisplayName);
