namespace Passbind.Server.Features.Pages;

/// <summary>
/// What the <c>/bind</c> page shows when it is rendered: as a link opens it (its script takes over from there), or,
/// for a theme's preview in the console, as it stands once a passkey is ready.
/// </summary>
internal sealed record BindPageState(bool Preview, string Title, string Status, BindPagePasskey? Passkey, string? ContinueText)
{
    /// <summary>The page a binding link lands on, before its script runs.</summary>
    public static BindPageState Opening { get; } = new(false, "Create your passkey", "Preparing…", null, null);

    /// <summary>The page once a passkey is ready, with made-up values, for a preview that runs no script.</summary>
    public static BindPageState PreviewReady { get; } = new(
        true, "Your passkey is ready", "You can now sign in with it.",
        new BindPagePasskey("Ada Lovelace", "ada@example.com", "preview", "1 January 2026, 09:00"), "Continue to app.example.com");
}
