namespace Passbind.Server.Features.SignIn;

/// <summary>The body of <c>:authenticationOptions</c> (docs/sign-in-protocol.md §4).</summary>
internal sealed record AuthenticationOptionsRequest(string? Request, string? KeyType, string? CredentialId);
