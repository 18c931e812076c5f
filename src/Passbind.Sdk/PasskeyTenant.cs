namespace Passbind.Sdk;

/// <summary>The tenant a <see cref="Passkey"/> belongs to.</summary>
/// <param name="Id">The tenant id.</param>
/// <param name="DisplayName">The tenant's display name; empty when the server sent none.</param>
public sealed record PasskeyTenant(string Id, string DisplayName);
