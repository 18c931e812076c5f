namespace Passbind.Server.Features.Realms;

/// <summary>The writable fields of a realm; read-only ones a client sends are ignored, as the spec says.</summary>
internal sealed record RealmFields(string? DisplayName, string? Classification);
