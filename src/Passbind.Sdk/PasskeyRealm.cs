namespace Passbind.Sdk;

/// <summary>The realm a <see cref="Passkey"/> belongs to.</summary>
/// <param name="Id">The realm id.</param>
/// <param name="DisplayName">The realm's display name; empty when the server sent none.</param>
public sealed record PasskeyRealm(string Id, string DisplayName);
