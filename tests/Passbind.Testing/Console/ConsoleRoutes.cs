namespace Passbind.Testing.Console;

/// <summary>
/// Every page and every action of the admin console, for the tests that check each is refused without the
/// administrator role: in process (where <c>ConsolePagesTests</c> also checks this list against the pages and handlers
/// the server has, so a new one cannot be missed) and in Chromium.
/// </summary>
public static class ConsoleRoutes
{
    /// <summary>Each page, and each of its GET handlers, as a path with its query.</summary>
    public static IReadOnlyList<string> Pages(ConsoleTargets target)
    {
        var realm = $"/console/realms/{target.RealmId}";
        return
        [
            "/console",
            "/console/realms",
            $"{realm}/identities",
            $"{realm}/identities?q=a",
            $"{realm}/identities/new",
            $"{realm}/identities/{target.IdentityId}",
            $"{realm}/identities/import",
            $"{realm}/jobs",
            $"{realm}/outbox",
            $"{realm}/dashboard",
            $"{realm}/applications",
            $"{realm}/applications/{target.ApplicationId}",
            $"{realm}/authenticator-configs",
            $"{realm}/authenticator-configs/{target.AuthenticatorConfigId}",
            $"{realm}/settings",
            $"{realm}/settings?handler=EmailPreview",
            $"{realm}/settings?handler=BindPreview",
            $"{realm}/events",
            $"{realm}/events?attribute=outcome&value=failure",
        ];
    }

    /// <summary>
    /// Each form post (page and handler) with fields that would change something if it ran: a new realm, identity,
    /// application or config named "intruder", an identity renamed "Changed", suspended, made an administrator or deleted,
    /// a passkey revoked, a link sent, a realm renamed "intruder", a theme's button colour set to #000000.
    /// </summary>
    public static IReadOnlyList<(string Action, IReadOnlyDictionary<string, string> Fields)> Actions(ConsoleTargets target)
    {
        var realm = $"/console/realms/{target.RealmId}";
        var identity = $"{realm}/identities/{target.IdentityId}";
        return
        [
            ("/console/realms", Fields(("DisplayName", "intruder"))),
            ($"{realm}/identities/new", Fields(("Username", "intruder"), ("DisplayName", "Intruder"))),
            (identity + "?handler=Edit", Fields(("displayName", "Changed"))),
            (identity + "?handler=Status", Fields(("status", "suspended"))),
            (identity + "?handler=Role", Fields(("role", "administrator"))),
            (identity + "?handler=RevokePasskey", Fields(("credentialId", target.CredentialId))),
            (identity + "?handler=RevokeJob", Fields(("jobId", "x"))),
            (identity + "?handler=SendLink", Fields(("deliveryMethod", "RETURN"), ("authenticatorConfigId", target.AuthenticatorConfigId))),
            (identity + "?handler=Delete", Fields(("confirm", "x"))),
            ($"{realm}/identities/import", Fields(("csv", "username\nintruder"))),
            ($"{realm}/identities/import?handler=Rows", Fields(("csv", "username\nintruder"), ("firstRow", "2"))),
            ($"{realm}/jobs?handler=Revoke", Fields(("identityId", target.IdentityId), ("jobId", "x"))),
            ($"{realm}/outbox?handler=Retry", Fields(("messageId", "x"))),
            ($"{realm}/applications", Fields(("Form.DisplayName", "intruder"), ("Form.GrantTypes", "client_credentials"), ("Form.ExpiresAfter", "600"))),
            ($"{realm}/applications/{target.ApplicationId}", Fields(("Form.DisplayName", "intruder"), ("Form.ExpiresAfter", "600"))),
            ($"{realm}/applications/{target.ApplicationId}?handler=Rotate", Fields()),
            ($"{realm}/authenticator-configs", Fields(("Form.DisplayName", "intruder"), ("Form.Type", "embedded"), ("Form.InvokeUrl", "https://intruder.example"))),
            ($"{realm}/authenticator-configs/{target.AuthenticatorConfigId}", Fields(("Form.DisplayName", "intruder"), ("Form.Type", "embedded"))),
            ($"{realm}/settings?handler=Name", Fields(("DisplayName", "intruder"))),
            ($"{realm}/settings?handler=Theme", Fields(("ThemeForm.ButtonColor", "#000000"))),
            ("/console/signout", Fields()),
        ];
    }

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.Value);
}
