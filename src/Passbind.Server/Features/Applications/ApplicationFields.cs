namespace Passbind.Server.Features.Applications;

/// <summary>The writable fields of an application; read-only ones a client sends (<c>id</c>, <c>is_managed</c>, <c>client_id</c>, …) are ignored.</summary>
internal sealed record ApplicationFields(string? DisplayName, string? AuthenticatorConfigId, ProtocolConfigFields? ProtocolConfig);
