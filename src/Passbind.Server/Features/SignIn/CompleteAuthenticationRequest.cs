using System.Text.Json;

namespace Passbind.Server.Features.SignIn;

/// <summary>The body of <c>:completeAuthentication</c>: the request JWT and a WebAuthn AuthenticationResponseJSON.</summary>
internal sealed record CompleteAuthenticationRequest(string? Request, JsonElement? Credential);
