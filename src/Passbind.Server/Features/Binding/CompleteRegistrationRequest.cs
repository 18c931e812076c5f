using System.Text.Json;

namespace Passbind.Server.Features.Binding;

/// <summary>The body of <c>:completeRegistration</c>: the link's token and a WebAuthn RegistrationResponseJSON.</summary>
internal sealed record CompleteRegistrationRequest(string? Token, JsonElement? Credential);
