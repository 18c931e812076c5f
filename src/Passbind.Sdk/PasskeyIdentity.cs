namespace Passbind.Sdk;

/// <summary>The identity a <see cref="Passkey"/> is bound to.</summary>
/// <param name="Id">The identity id.</param>
/// <param name="Username">The identity's username; empty when the server sent none.</param>
/// <param name="DisplayName">The identity's display name, or <see langword="null"/>.</param>
/// <param name="EmailAddress">The identity's primary email address, or <see langword="null"/>.</param>
/// <param name="ExternalId">The identity's external id, or <see langword="null"/>.</param>
public sealed record PasskeyIdentity(
    string Id,
    string Username,
    string? DisplayName,
    string? EmailAddress,
    string? ExternalId);
