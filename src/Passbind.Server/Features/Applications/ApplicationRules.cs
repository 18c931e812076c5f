using Passbind.Server.Authorization;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Http;

namespace Passbind.Server.Features.Applications;

/// <summary>
/// The rules of an application's settings. Each present field is checked on its own, then the whole for
/// the rules between fields (a public client uses <c>none</c> and S256 PKCE, a code grant needs redirect
/// URIs and an authenticator config, …). Every violation names its field.
/// </summary>
internal static class ApplicationRules
{
    private const string Protocol = "application.protocol_config";
    private const int MaxRedirectUris = 20;
    private const int MaxScopes = 100;
    private const int MaxScopeLength = 128;
    private const int MinExpiresAfter = 60;

    private static readonly string[] Types = [ApplicationValues.ProtocolOidc, ApplicationValues.ProtocolOAuth2];
    private static readonly string[] Confidentialities = [ApplicationValues.Confidential, ApplicationValues.Public];
    private static readonly string[] AuthMethods = [ApplicationValues.ClientSecretBasic, ApplicationValues.ClientSecretPost, ApplicationValues.AuthMethodNone];
    private static readonly string[] GrantTypes = [ApplicationValues.AuthorizationCodeGrant, ApplicationValues.ClientCredentialsGrant, ApplicationValues.RefreshTokenGrant];
    private static readonly string[] PkceValues = [ApplicationValues.PkceDisabled, ApplicationValues.PkcePlain, ApplicationValues.PkceS256];
    private static readonly string[] SubjectFields = [ApplicationValues.SubjectId, ApplicationValues.SubjectEmail, ApplicationValues.SubjectUsername];

    /// <summary>The settings of a new application, or null with violations recorded.</summary>
    public static ApplicationSettings? Create(
        ProtocolConfigFields? fields, string? authenticatorConfigId, IReadOnlySet<string> callerScopes, List<FieldViolation> violations)
    {
        if (fields is null)
        {
            violations.Add(new FieldViolation(Protocol, "required"));
            return null;
        }

        var type = OneOf(fields.Type, $"{Protocol}.type", Types, violations, required: true);
        var confidentiality = OneOf(fields.Confidentiality, $"{Protocol}.confidentiality", Confidentialities, violations) ?? ApplicationValues.Confidential;
        var isPublic = confidentiality == ApplicationValues.Public;
        var defaults = new ApplicationSettings(
            type ?? ApplicationValues.ProtocolOidc,
            confidentiality,
            isPublic ? ApplicationValues.AuthMethodNone : ApplicationValues.ClientSecretBasic,
            [],
            [],
            isPublic ? ApplicationValues.PkceS256 : ApplicationValues.PkceDisabled,
            ApplicationValues.SubjectId,
            (int)AccessTokens.ManagementLifetime.TotalSeconds,
            ApplicationValues.Rs256,
            ApplicationValues.SelfContained,
            [],
            null);
        if (fields.GrantType is null)
        {
            violations.Add(new FieldViolation($"{Protocol}.grant_type", "required"));
        }

        return Overlay(defaults, fields, authenticatorConfigId, callerScopes, violations);
    }

    /// <summary>The settings after a patch: present fields replace, absent ones stay; <c>type</c> and <c>confidentiality</c> are fixed.</summary>
    public static ApplicationSettings? Merge(
        ApplicationSettings current, ProtocolConfigFields? fields, string? authenticatorConfigId, IReadOnlySet<string> callerScopes, List<FieldViolation> violations)
    {
        fields ??= new ProtocolConfigFields(null, null, null, null, null, null, null, null, null);
        return Overlay(current, fields with { Type = null, Confidentiality = null }, authenticatorConfigId, callerScopes, violations);
    }

    /// <summary>What a managed application allows a patch to change: its display name and token lifetime only.</summary>
    public static void CheckManagedPatch(ApplicationFields fields, List<FieldViolation> violations)
    {
        if (fields.AuthenticatorConfigId is not null)
        {
            violations.Add(new FieldViolation("application.authenticator_config_id", "cannot be changed on a managed application"));
        }

        if (fields.ProtocolConfig is not { } protocol)
        {
            return;
        }

        var changed = protocol with { Type = null, Confidentiality = null, TokenConfiguration = null };
        if (changed != new ProtocolConfigFields(null, null, null, null, null, null, null, null, null)
            || protocol.TokenConfiguration is { } token && (token.SubjectField is not null || token.TokenSigningAlgorithm is not null))
        {
            violations.Add(new FieldViolation(Protocol, "only token_configuration.expires_after can be changed on a managed application"));
        }
    }

    private static ApplicationSettings? Overlay(
        ApplicationSettings baseline, ProtocolConfigFields fields, string? authenticatorConfigId, IReadOnlySet<string> callerScopes, List<FieldViolation> violations)
    {
        var before = violations.Count;
        var token = fields.TokenConfiguration;
        var draft = baseline with
        {
            TokenEndpointAuthMethod = OneOf(fields.TokenEndpointAuthMethod, $"{Protocol}.token_endpoint_auth_method", AuthMethods, violations) ?? baseline.TokenEndpointAuthMethod,
            GrantTypes = fields.GrantType is null ? baseline.GrantTypes : ReadGrantTypes(fields.GrantType, violations),
            RedirectUris = fields.RedirectUris is null ? baseline.RedirectUris : ReadRedirectUris(fields.RedirectUris, violations),
            Pkce = OneOf(fields.Pkce, $"{Protocol}.pkce", PkceValues, violations) ?? baseline.Pkce,
            SubjectField = OneOf(token?.SubjectField, $"{Protocol}.token_configuration.subject_field", SubjectFields, violations) ?? baseline.SubjectField,
            ExpiresAfter = ReadExpiresAfter(token?.ExpiresAfter, violations) ?? baseline.ExpiresAfter,
            TokenSigningAlgorithm = OneOf(token?.TokenSigningAlgorithm, $"{Protocol}.token_configuration.token_signing_algorithm", [ApplicationValues.Rs256], violations) ?? baseline.TokenSigningAlgorithm,
            TokenFormat = OneOf(fields.TokenFormat, $"{Protocol}.token_format", [ApplicationValues.SelfContained], violations) ?? baseline.TokenFormat,
            AllowedScopes = fields.AllowedScopes is null ? baseline.AllowedScopes : ReadScopes(fields.AllowedScopes, baseline.AllowedScopes, callerScopes, violations),
            AuthenticatorConfigId = authenticatorConfigId ?? baseline.AuthenticatorConfigId,
        };
        CheckCombination(draft, violations);
        return violations.Count == before ? draft : null;
    }

    private static void CheckCombination(ApplicationSettings draft, List<FieldViolation> violations)
    {
        var isPublic = draft.Confidentiality == ApplicationValues.Public;
        var usesCode = draft.GrantTypes.Contains(ApplicationValues.AuthorizationCodeGrant);
        if (isPublic && draft.TokenEndpointAuthMethod != ApplicationValues.AuthMethodNone)
        {
            violations.Add(new FieldViolation($"{Protocol}.token_endpoint_auth_method", "a public client has no secret and must use none"));
        }

        if (!isPublic && draft.TokenEndpointAuthMethod == ApplicationValues.AuthMethodNone)
        {
            violations.Add(new FieldViolation($"{Protocol}.token_endpoint_auth_method", "a confidential client must use client_secret_basic or client_secret_post"));
        }

        if (isPublic && draft.Pkce != ApplicationValues.PkceS256)
        {
            violations.Add(new FieldViolation($"{Protocol}.pkce", "a public client must use s256"));
        }

        if (isPublic && draft.GrantTypes.Contains(ApplicationValues.ClientCredentialsGrant))
        {
            violations.Add(new FieldViolation($"{Protocol}.grant_type", "a public client cannot use client_credentials"));
        }

        if (draft.GrantTypes.Contains(ApplicationValues.RefreshTokenGrant) && !usesCode)
        {
            violations.Add(new FieldViolation($"{Protocol}.grant_type", "refresh_token needs authorization_code"));
        }

        if (usesCode && draft.RedirectUris.Count == 0)
        {
            violations.Add(new FieldViolation($"{Protocol}.redirect_uris", "at least one is required for the authorization_code grant"));
        }

        if (usesCode && draft.AuthenticatorConfigId is null)
        {
            violations.Add(new FieldViolation("application.authenticator_config_id", "required for the authorization_code grant"));
        }
    }

    private static string? OneOf(string? value, string field, string[] allowed, List<FieldViolation> violations, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                violations.Add(new FieldViolation(field, "required"));
            }

            return null;
        }

        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            violations.Add(new FieldViolation(field, $"must be one of: {string.Join(", ", allowed)}"));
            return null;
        }

        return value;
    }

    private static string[] ReadGrantTypes(IReadOnlyList<string?> values, List<FieldViolation> violations)
    {
        var field = $"{Protocol}.grant_type";
        if (values.Count == 0)
        {
            violations.Add(new FieldViolation(field, "at least one grant type is required"));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value || !GrantTypes.Contains(value, StringComparer.Ordinal))
            {
                violations.Add(new FieldViolation($"{field}[{i}]", $"must be one of: {string.Join(", ", GrantTypes)}"));
            }
        }

        return values.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string[] ReadRedirectUris(IReadOnlyList<string?> values, List<FieldViolation> violations)
    {
        var field = $"{Protocol}.redirect_uris";
        if (values.Count > MaxRedirectUris)
        {
            violations.Add(new FieldViolation(field, $"at most {MaxRedirectUris}"));
        }

        for (var i = 0; i < values.Count; i++)
        {
            violations.Check($"{field}[{i}]", RedirectUris.Problem(values[i]));
        }

        return values.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
    }

    private static int? ReadExpiresAfter(long? value, List<FieldViolation> violations)
    {
        if (value is null)
        {
            return null;
        }

        var max = (long)AccessTokens.MaxLifetime.TotalSeconds;
        if (value < MinExpiresAfter || value > max)
        {
            violations.Add(new FieldViolation($"{Protocol}.token_configuration.expires_after", $"must be from {MinExpiresAfter} to {max} seconds"));
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>
    /// Scope tokens (RFC 6749 §3.3). A management scope may be added only by a caller whose own token holds
    /// it, so that no token can make an application more powerful than itself.
    /// </summary>
    private static string[] ReadScopes(IReadOnlyList<string?> values, IReadOnlyList<string> before, IReadOnlySet<string> callerScopes, List<FieldViolation> violations)
    {
        var field = $"{Protocol}.allowed_scopes";
        if (values.Count > MaxScopes)
        {
            violations.Add(new FieldViolation(field, $"at most {MaxScopes}"));
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (string.IsNullOrEmpty(value) || value.Length > MaxScopeLength || !value.All(IsScopeCharacter))
            {
                violations.Add(new FieldViolation($"{field}[{i}]", $"a scope is 1 to {MaxScopeLength} printable ASCII characters without spaces, quotes or backslashes"));
            }
            else if (Scopes.All.Contains(value) && !before.Contains(value) && !callerScopes.Contains(value))
            {
                violations.Add(new FieldViolation($"{field}[{i}]", "a management scope can be granted only by a token that holds it"));
            }
        }

        return values.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
    }

    private static bool IsScopeCharacter(char c) => c is '\x21' or (>= '\x23' and <= '\x5B') or (>= '\x5D' and <= '\x7E');
}
