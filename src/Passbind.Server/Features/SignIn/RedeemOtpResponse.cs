using System.Text.Json.Serialization;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// A sign-in completed with a one-time code. <see cref="PasskeyBindingToken"/> is set when the identity has no
/// active passkey: with it, the application can get a binding link (docs/sign-in-protocol.md §6).
/// </summary>
internal sealed record RedeemOtpResponse(
    string RedirectUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PasskeyBindingToken);
