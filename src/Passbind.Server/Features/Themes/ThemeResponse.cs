namespace Passbind.Server.Features.Themes;

internal sealed record ThemeResponse(
    string Id,
    string TenantId,
    string RealmId,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string? EmailRealmName,
    string? LogoUrlLight,
    string? LogoUrlDark,
    string? SupportUrl,
    string? ButtonColor,
    string? ButtonTextColor);
