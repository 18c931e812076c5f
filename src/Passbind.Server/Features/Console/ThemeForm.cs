using Passbind.Server.Features.Themes;

namespace Passbind.Server.Features.Console;

/// <summary>The console's form for a realm's theme, turned into the management API's patch.</summary>
internal sealed class ThemeForm
{
    public string? EmailRealmName { get; set; }

    public string? LogoUrlLight { get; set; }

    public string? LogoUrlDark { get; set; }

    public string? SupportUrl { get; set; }

    public string? ButtonColor { get; set; }

    public string? ButtonTextColor { get; set; }

    public static ThemeForm Of(ThemeResponse theme) => new()
    {
        EmailRealmName = theme.EmailRealmName,
        LogoUrlLight = theme.LogoUrlLight,
        LogoUrlDark = theme.LogoUrlDark,
        SupportUrl = theme.SupportUrl,
        ButtonColor = theme.ButtonColor,
        ButtonTextColor = theme.ButtonTextColor,
    };

    /// <summary>
    /// Every field as the form holds it: the form always posts all six, so an empty one (bound as null) is sent as the
    /// API's empty string, which clears it.
    /// </summary>
    public ThemeRequest ToRequest() => new(new ThemeFields(
        Sent(EmailRealmName), Sent(LogoUrlLight), Sent(LogoUrlDark), Sent(SupportUrl), Sent(ButtonColor), Sent(ButtonTextColor)));

    private static string Sent(string? value) => value?.Trim() ?? "";
}
