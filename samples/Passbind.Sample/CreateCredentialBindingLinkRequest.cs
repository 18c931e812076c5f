namespace Passbind.Sample;

/// <summary>The sign-up form's body: <c>{"username": "alice"}</c>.</summary>
internal sealed record CreateCredentialBindingLinkRequest(string? Username);
