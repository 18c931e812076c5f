namespace Passbind.Server.Features.SignIn;

/// <summary>The WebAuthn L3 related origins document (§5.11) at <c>/.well-known/webauthn</c>.</summary>
internal sealed record RelatedOriginsResponse(IReadOnlyList<string> Origins);
