namespace Passbind.Server.Features.SignIn;

/// <summary>An authorize request that passed every check (docs/sign-in-protocol.md §1): what the transaction keeps of it.</summary>
internal sealed record AuthorizeRequest(
    string RedirectUri,
    string Scope,
    string? State,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod);
