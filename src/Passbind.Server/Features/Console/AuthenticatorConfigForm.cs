using System.Text.Json;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console;

/// <summary>The console's form for an authenticator config, turned into the management API's request fields.</summary>
internal sealed class AuthenticatorConfigForm
{
    public static readonly IReadOnlyList<string> Methods =
        [AuthenticatorConfigRules.WebAuthnPasskey, AuthenticatorConfigRules.SoftwarePasskey, AuthenticatorConfigRules.EmailOneTimePassword];

    public string? DisplayName { get; set; }

    public string Type { get; set; } = AuthenticatorConfigRules.Embedded;

    public string? InvokeUrl { get; set; }

    public string InvocationType { get; set; } = AuthenticatorConfigRules.Automatic;

    public string? TrustedOrigins { get; set; }

    /// <summary>Empty unless set: a form with every box unticked binds no value, and must not keep a default.</summary>
    public List<string> AuthenticationMethods { get; set; } = [];

    public string? RpId { get; set; }

    public static AuthenticatorConfigForm New() => new() { AuthenticationMethods = [AuthenticatorConfigRules.WebAuthnPasskey] };

    public static AuthenticatorConfigForm Of(AuthenticatorConfig config) => new()
    {
        DisplayName = config.DisplayName,
        Type = config.Type,
        InvokeUrl = config.InvokeUrl,
        InvocationType = config.InvocationType ?? AuthenticatorConfigRules.Automatic,
        TrustedOrigins = ConsoleForms.Lines(JsonSerializer.Deserialize<List<string>>(config.TrustedOriginsJson) ?? []),
        AuthenticationMethods = JsonSerializer.Deserialize<List<string>>(config.AuthenticationMethodsJson) ?? [],
        RpId = config.RpId,
    };

    public AuthenticatorConfigRequest ToRequest(bool creating)
    {
        var embedded = Type == AuthenticatorConfigRules.Embedded;
        var config = new ConfigFields(
            creating ? Type : null,
            embedded ? InvokeUrl?.Trim() : null,
            embedded ? InvocationType : null,
            ConsoleForms.Lines(TrustedOrigins),
            AuthenticationMethods.Select(m => (AuthenticationMethodFields?)new AuthenticationMethodFields(m)).ToList(),
            // An empty RP ID clears it on a patch (the server-wide one applies); a new config without one has none.
            string.IsNullOrWhiteSpace(RpId) ? (creating ? null : "") : RpId.Trim());
        return new AuthenticatorConfigRequest(new AuthenticatorConfigFields(DisplayName?.Trim(), config));
    }
}
