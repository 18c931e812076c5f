namespace Passbind.Sdk;

/// <summary>The tenant's theme, as sent by the server when the passkey was bound.</summary>
/// <param name="LogoUrlLight">The logo for light backgrounds, or <see langword="null"/>.</param>
/// <param name="LogoUrlDark">The logo for dark backgrounds, or <see langword="null"/>.</param>
/// <param name="SupportUrl">The support page, or <see langword="null"/>.</param>
public sealed record PasskeyTheme(string? LogoUrlLight, string? LogoUrlDark, string? SupportUrl);
