namespace Passbind.Server.Features.Themes;

/// <summary>
/// The writable fields of a theme. An absent or null field is left unchanged; an empty string clears it,
/// since every theme field is optional.
/// </summary>
internal sealed record ThemeFields(
    string? EmailRealmName,
    string? LogoUrlLight,
    string? LogoUrlDark,
    string? SupportUrl,
    string? ButtonColor,
    string? ButtonTextColor);
