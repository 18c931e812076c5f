namespace Passbind.Server.Features.Applications;

/// <summary>The values of an application's protocol settings, as Beyond Identity's API spells them.</summary>
internal static class ApplicationValues
{
    public const string ProtocolOidc = "oidc";
    public const string ProtocolOAuth2 = "oauth2";
    public const string Confidential = "confidential";
    public const string Public = "public";
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretPost = "client_secret_post";
    public const string AuthMethodNone = "none";
    public const string AuthorizationCodeGrant = "authorization_code";
    public const string ClientCredentialsGrant = "client_credentials";
    public const string RefreshTokenGrant = "refresh_token";
    public const string PkceDisabled = "disabled";
    public const string PkcePlain = "plain";
    public const string PkceS256 = "s256";
    public const string SubjectId = "id";
    public const string SubjectEmail = "email";
    public const string SubjectUsername = "username";
    public const string Rs256 = "RS256";
    public const string SelfContained = "self_contained";
}
