using Passbind.Core.WebAuthn;

namespace Passbind.Server.Features.SignIn;

/// <summary>The answer of <c>:authenticationOptions</c>: a WebAuthn Level 3 <c>PublicKeyCredentialRequestOptionsJSON</c>.</summary>
internal sealed record AuthenticationOptionsResponse(PublicKeyCredentialRequestOptionsJson PublicKey);
