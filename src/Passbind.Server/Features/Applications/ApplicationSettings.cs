using System.Text.Json;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Applications;

/// <summary>An application's protocol settings, validated: what a create or patch stores.</summary>
internal sealed record ApplicationSettings(
    string Type,
    string Confidentiality,
    string TokenEndpointAuthMethod,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> RedirectUris,
    string Pkce,
    string SubjectField,
    int ExpiresAfter,
    string TokenSigningAlgorithm,
    string TokenFormat,
    IReadOnlyList<string> AllowedScopes,
    string? AuthenticatorConfigId)
{
    public static IReadOnlyList<string> GrantTypesOf(Application application) =>
        JsonSerializer.Deserialize<string[]>(application.GrantTypesJson) ?? [];

    public static IReadOnlyList<string> RedirectUrisOf(Application application) =>
        JsonSerializer.Deserialize<string[]>(application.RedirectUrisJson) ?? [];

    public static ApplicationSettings Of(Application application) =>
        new(application.ProtocolType,
            application.Confidentiality,
            application.TokenEndpointAuthMethod,
            GrantTypesOf(application),
            RedirectUrisOf(application),
            application.Pkce,
            application.SubjectField,
            application.TokenLifetimeSeconds,
            application.TokenSigningAlgorithm,
            application.TokenFormat,
            application.AllowedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            application.AuthenticatorConfigId);

    public void StoreIn(Application application)
    {
        application.ProtocolType = Type;
        application.Confidentiality = Confidentiality;
        application.TokenEndpointAuthMethod = TokenEndpointAuthMethod;
        application.GrantTypesJson = JsonSerializer.Serialize(GrantTypes);
        application.RedirectUrisJson = JsonSerializer.Serialize(RedirectUris);
        application.Pkce = Pkce;
        application.SubjectField = SubjectField;
        application.TokenLifetimeSeconds = ExpiresAfter;
        application.TokenSigningAlgorithm = TokenSigningAlgorithm;
        application.TokenFormat = TokenFormat;
        application.AllowedScopes = string.Join(' ', AllowedScopes);
        application.AuthenticatorConfigId = AuthenticatorConfigId;
    }
}
