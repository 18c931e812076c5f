using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Themes;
using Passbind.Server.Html;
using Passbind.Storage;

namespace Passbind.Server.Features.Email;

/// <summary>
/// A realm's look in email (Beyond Identity's Theme: <c>email_realm_name</c>, <c>logo_url_light</c>,
/// <c>support_url</c>, <c>button_color</c>, <c>button_text_color</c>), reduced to values that are safe to
/// place in a message: plain text without control characters, http(s) URLs, and hex colours. Anything else
/// falls back to the clean default.
/// </summary>
internal sealed partial record EmailBranding(string RealmName, string? LogoUrl, string? SupportUrl, string ButtonColor, string ButtonTextColor)
{
    public const string DefaultButtonColor = "#1f4fd1";
    public const string DefaultButtonTextColor = "#ffffff";
    private const int MaxNameLength = 64;

    public static async Task<EmailBranding> LoadAsync(PassbindDbContext db, string tenantId, string realmId, CancellationToken cancellationToken)
    {
        var realmName = await db.Realms.AsNoTracking()
            .Where(r => r.Id == realmId && r.TenantId == tenantId).Select(r => r.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var theme = await db.Themes.AsNoTracking()
            .FirstOrDefaultAsync(t => t.RealmId == realmId && t.TenantId == tenantId, cancellationToken);
        return From(theme?.EmailRealmName, realmName, theme?.LogoUrlLight, theme?.SupportUrl, theme?.ButtonColor, theme?.ButtonTextColor);
    }

    public static EmailBranding From(RealmLook realm) =>
        From(realm.Theme?.EmailRealmName, realm.RealmName, realm.Theme?.LogoUrlLight, realm.Theme?.SupportUrl, realm.Theme?.ButtonColor, realm.Theme?.ButtonTextColor);

    public static EmailBranding From(string? emailRealmName, string? realmDisplayName, string? logoUrl, string? supportUrl, string? buttonColor, string? buttonTextColor)
    {
        var name = DisplayText.Clean(emailRealmName, MaxNameLength);
        if (name.Length == 0)
        {
            name = DisplayText.Clean(realmDisplayName, MaxNameLength);
        }

        return new EmailBranding(
            name.Length == 0 ? "Passbind" : name,
            WebUrl(logoUrl, allowMailto: false),
            WebUrl(supportUrl, allowMailto: true),
            Color(buttonColor) ?? DefaultButtonColor,
            Color(buttonTextColor) ?? DefaultButtonTextColor);
    }

    private static string? WebUrl(string? value, bool allowMailto) =>
        value is not null
        && value.Length <= 2048
        && !value.Any(char.IsControl)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme is "https" or "http" || (allowMailto && uri.Scheme == "mailto"))
            ? uri.AbsoluteUri
            : null;

    private static string? Color(string? value) => value is not null && HexColor().IsMatch(value) ? value : null;

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();
}
