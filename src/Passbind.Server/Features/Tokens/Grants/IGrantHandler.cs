using Microsoft.AspNetCore.Http.HttpResults;

namespace Passbind.Server.Features.Tokens.Grants;

/// <summary>One grant type of the token endpoint. The endpoint has authenticated the client already.</summary>
internal interface IGrantHandler
{
    /// <summary>The <c>grant_type</c> value it answers.</summary>
    string GrantType { get; }

    Task<Results<Ok<TokenResponse>, OAuthError>> HandleAsync(GrantRequest request, CancellationToken cancellationToken);
}
