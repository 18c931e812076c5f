using Passbind.Core.Validation;
using Passbind.Server.Http;

namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>
/// Validates a sent <c>config</c> into <see cref="AuthenticatorConfigSettings"/>: whole on create, merged
/// over the stored one on patch (omitted fields are kept, as the spec's PATCH says). Every problem becomes a
/// field violation named under the caller's prefix (<c>authenticator_config.config</c>, or a job's inline
/// config), so callers can report them all at once.
/// </summary>
internal static class AuthenticatorConfigRules
{
    public const string Embedded = "embedded";
    public const string HostedWeb = "hosted_web";
    public const string Automatic = "automatic";
    public const string Manual = "manual";
    public const string WebAuthnPasskey = "webauthn_passkey";
    public const string SoftwarePasskey = "software_passkey";
    public const string EmailOneTimePassword = "email_one_time_password";

    /// <summary>More origins than any real deployment needs; the list is scanned on every ceremony.</summary>
    public const int MaxTrustedOrigins = 100;

    /// <summary>Room for every method type, repeated; more is not a list anyone means to send.</summary>
    public const int MaxAuthenticationMethods = 16;

    /// <summary>What an embedded config allows when it names no methods.</summary>
    public static readonly IReadOnlyList<string> AllAuthenticationMethods = [WebAuthnPasskey, SoftwarePasskey, EmailOneTimePassword];

    /// <summary>Validates a new config; null when <paramref name="violations"/> grew.</summary>
    public static AuthenticatorConfigSettings? Create(ConfigFields? fields, string field, List<FieldViolation> violations, AppSchemes? appSchemes = null)
    {
        if (fields is null)
        {
            violations.Add(new FieldViolation(field, "required"));
            return null;
        }

        if (fields.Type is not (Embedded or HostedWeb))
        {
            violations.Add(new FieldViolation($"{field}.type", fields.Type is null ? "required" : $"must be {Embedded} or {HostedWeb}"));
            return null;
        }

        var empty = new AuthenticatorConfigSettings(fields.Type, null, null, [], []);
        return Apply(empty, fields, field, creating: true, violations, appSchemes ?? AppSchemes.Default);
    }

    /// <summary>Merges a partial config over <paramref name="existing"/>; null when <paramref name="violations"/> grew.</summary>
    public static AuthenticatorConfigSettings? Merge(
        AuthenticatorConfigSettings existing, ConfigFields fields, string field, List<FieldViolation> violations, AppSchemes? appSchemes = null)
    {
        // NOTE: a patch usually omits type (the spec's example does). Sending the same type is harmless;
        // a different one is refused rather than ignored, since the other fields would be read for the wrong type.
        if (fields.Type is not null && fields.Type != existing.Type)
        {
            violations.Add(new FieldViolation($"{field}.type", "cannot be changed"));
            return null;
        }

        return Apply(existing, fields, field, creating: false, violations, appSchemes ?? AppSchemes.Default);
    }

    private static AuthenticatorConfigSettings? Apply(
        AuthenticatorConfigSettings existing, ConfigFields fields, string field, bool creating, List<FieldViolation> violations, AppSchemes appSchemes)
    {
        var before = violations.Count;
        var embedded = existing.Type == Embedded;

        // invoke_url and invocation_type belong to embedded configs; a hosted_web config ignores them like
        // any field it does not have.
        var invokeUrl = existing.InvokeUrl;
        var invocationType = existing.InvocationType;
        if (embedded)
        {
            if (fields.InvokeUrl is not null)
            {
                violations.Check($"{field}.invoke_url", InvokeUrlProblem(fields.InvokeUrl, appSchemes));
                invokeUrl = fields.InvokeUrl;
            }
            else if (creating)
            {
                violations.Add(new FieldViolation($"{field}.invoke_url", "required"));
            }

            if (fields.InvocationType is not null)
            {
                violations.Check($"{field}.invocation_type",
                    fields.InvocationType is Automatic or Manual ? null : $"must be {Automatic} or {Manual}");
                invocationType = fields.InvocationType;
            }
            else if (creating)
            {
                invocationType = Automatic;
            }
        }

        var trustedOrigins = existing.TrustedOrigins;
        if (fields.TrustedOrigins is not null)
        {
            trustedOrigins = ReadTrustedOrigins(fields.TrustedOrigins, $"{field}.trusted_origins", violations, appSchemes);
        }
        else if (creating)
        {
            violations.Add(new FieldViolation($"{field}.trusted_origins", "required"));
        }

        var methods = existing.AuthenticationMethods;
        if (fields.AuthenticationMethods is not null)
        {
            methods = ReadAuthenticationMethods(fields.AuthenticationMethods, $"{field}.authentication_methods", violations);
        }
        else if (creating && embedded)
        {
            methods = AllAuthenticationMethods;
        }
        else if (creating)
        {
            violations.Add(new FieldViolation($"{field}.authentication_methods", "required"));
        }

        // An empty rp_id goes back to the server's RP ID.
        var rpId = existing.RpId;
        if (fields.RpId is not null)
        {
            violations.Check($"{field}.rp_id", fields.RpId.Length == 0 ? null : RelyingParties.RpIdProblem(fields.RpId));
            rpId = fields.RpId.Length == 0 ? null : fields.RpId;
        }

        return violations.Count == before
            ? new AuthenticatorConfigSettings(existing.Type, invokeUrl, invocationType, trustedOrigins, methods, rpId)
            : null;
    }

    /// <summary>
    /// An http(s) URL or one with an allowed app scheme such as <c>myapp://</c>, without user information. The server appends <c>/bind?…</c> and
    /// <c>/bi-authenticate?…</c> to it, so a query or fragment would break every link built from it.
    /// </summary>
    private static string? InvokeUrlProblem(string value, AppSchemes appSchemes)
    {
        if (FieldRules.AbsoluteUrl(value, appSchemes) is { } problem)
        {
            return problem;
        }

        return value.Contains('?', StringComparison.Ordinal) || value.Contains('#', StringComparison.Ordinal)
            ? "must not have a query or fragment"
            : null;
    }

    /// <summary>Non-empty, each an exact origin; duplicates are dropped, the first occurrence's order kept.</summary>
    private static List<string> ReadTrustedOrigins(IReadOnlyList<string?> sent, string field, List<FieldViolation> violations, AppSchemes appSchemes)
    {
        if (sent.Count == 0)
        {
            violations.Add(new FieldViolation(field, "must not be empty"));
        }
        else if (sent.Count > MaxTrustedOrigins)
        {
            violations.Add(new FieldViolation(field, $"must not have more than {MaxTrustedOrigins} origins"));
            return [];
        }

        var origins = new List<string>(sent.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            if (sent[i] is not { } origin)
            {
                violations.Add(new FieldViolation($"{field}[{i}]", "required"));
            }
            else if (FieldRules.Origin(origin, appSchemes) is { } problem)
            {
                violations.Add(new FieldViolation($"{field}[{i}]", problem));
            }
            else if (!origins.Contains(origin, StringComparer.Ordinal))
            {
                origins.Add(origin);
            }
        }

        return origins;
    }

    /// <summary>Non-empty, each a known method type; duplicates are dropped, the first occurrence's order kept.</summary>
    private static List<string> ReadAuthenticationMethods(
        IReadOnlyList<AuthenticationMethodFields?> sent, string field, List<FieldViolation> violations)
    {
        if (sent.Count == 0)
        {
            violations.Add(new FieldViolation(field, "must not be empty"));
        }
        else if (sent.Count > MaxAuthenticationMethods)
        {
            violations.Add(new FieldViolation(field, $"must not have more than {MaxAuthenticationMethods} entries"));
            return [];
        }

        var methods = new List<string>(AllAuthenticationMethods.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            var type = sent[i]?.Type;
            if (type is null)
            {
                violations.Add(new FieldViolation($"{field}[{i}].type", "required"));
            }
            else if (!AllAuthenticationMethods.Contains(type, StringComparer.Ordinal))
            {
                violations.Add(new FieldViolation($"{field}[{i}].type", $"must be one of {string.Join(", ", AllAuthenticationMethods)}"));
            }
            else if (!methods.Contains(type, StringComparer.Ordinal))
            {
                methods.Add(type);
            }
        }

        return methods;
    }
}
