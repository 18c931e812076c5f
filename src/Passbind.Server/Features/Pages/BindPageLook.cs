using Passbind.Server.Features.Email;
using Passbind.Server.Features.Themes;

namespace Passbind.Server.Features.Pages;

/// <summary>
/// A realm's theme as the hosted <c>/bind</c> page shows it: the name and support URL as its binding email has them
/// (<see cref="EmailBranding"/>), logos only over https (the page is served over https, and its content security policy
/// names each logo's origin), and button colours only when the theme sets valid ones, else the page's own.
/// </summary>
internal sealed record BindPageLook(string RealmName, string? LogoUrlLight, string? LogoUrlDark, string? SupportUrl, string? ButtonColor, string? ButtonTextColor)
{
    /// <summary>The page of a link whose realm is not named or not found.</summary>
    public static BindPageLook Default { get; } = new("Passbind", null, null, null, null, null);

    public static BindPageLook From(RealmLook realm)
    {
        var branding = EmailBranding.From(realm);
        var theme = realm.Theme;
        return new BindPageLook(
            branding.RealmName,
            HttpsUrl(theme?.LogoUrlLight),
            HttpsUrl(theme?.LogoUrlDark),
            branding.SupportUrl,
            ThemeColor(theme?.ButtonColor, branding.ButtonColor),
            ThemeColor(theme?.ButtonTextColor, branding.ButtonTextColor));
    }

    /// <summary>The theme's colour when the email took it as valid (its branding keeps a valid one, else its default).</summary>
    private static string? ThemeColor(string? themed, string branded) => themed == branded ? themed : null;

    private static string? HttpsUrl(string? value) =>
        value is not null && value.Length <= 2048 && !value.Any(char.IsControl)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri.AbsoluteUri
            : null;
}
