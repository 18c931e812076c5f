using System.Text.Json;
using Passbind.Server.Features.Applications;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console;

/// <summary>
/// The console's form for an application, turned into the management API's request fields. A managed application
/// (the console's own, the bootstrap management application) takes only its name and token lifetime.
/// </summary>
internal sealed class ApplicationForm
{
    public string? DisplayName { get; set; }

    public string Confidentiality { get; set; } = ApplicationValues.Confidential;

    /// <summary>Empty unless set: a form with every box unticked binds no value, and must not keep a default.</summary>
    public List<string> GrantTypes { get; set; } = [];

    public string? RedirectUris { get; set; }

    public string Pkce { get; set; } = ApplicationValues.PkceS256;

    public string SubjectField { get; set; } = ApplicationValues.SubjectId;

    public long ExpiresAfter { get; set; } = 3600;

    public string? AuthenticatorConfigId { get; set; }

    public bool IsManaged { get; set; }

    /// <summary>What a new application's form starts with: a web app signing users in.</summary>
    public static ApplicationForm New() => new() { GrantTypes = [ApplicationValues.AuthorizationCodeGrant] };

    public static ApplicationForm Of(Application application) => new()
    {
        DisplayName = application.DisplayName,
        Confidentiality = application.Confidentiality,
        GrantTypes = JsonSerializer.Deserialize<List<string>>(application.GrantTypesJson) ?? [],
        RedirectUris = ConsoleForms.Lines(JsonSerializer.Deserialize<List<string>>(application.RedirectUrisJson) ?? []),
        Pkce = application.Pkce,
        SubjectField = application.SubjectField,
        ExpiresAfter = application.TokenLifetimeSeconds,
        AuthenticatorConfigId = application.AuthenticatorConfigId,
        IsManaged = application.IsManaged,
    };

    public ApplicationFields ToFields(bool creating)
    {
        var tokens = new TokenConfigurationFields(IsManaged ? null : SubjectField, ExpiresAfter, null);
        if (IsManaged)
        {
            return new ApplicationFields(DisplayName?.Trim(), null, new ProtocolConfigFields(null, null, null, null, null, null, tokens, null, null));
        }

        var protocol = new ProtocolConfigFields(
            creating ? ApplicationValues.ProtocolOidc : null,
            null,
            creating ? Confidentiality : null,
            null,
            GrantTypes.ToList<string?>(),
            ConsoleForms.Lines(RedirectUris),
            tokens,
            Pkce,
            null);
        return new ApplicationFields(DisplayName?.Trim(), string.IsNullOrEmpty(AuthenticatorConfigId) ? null : AuthenticatorConfigId, protocol);
    }
}
