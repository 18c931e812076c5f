using System.Text.Json.Serialization;

namespace Passbind.Server.Features.SignIn;

/// <summary>A completed sign-in: where to send the browser with the code, and which passkey signed in.</summary>
internal sealed record CompleteAuthenticationResponse(
    string RedirectUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Message,
    SignedInCredential Credential);
