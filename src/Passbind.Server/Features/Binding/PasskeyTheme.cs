namespace Passbind.Server.Features.Binding;

internal sealed record PasskeyTheme(string? LogoUrlLight, string? LogoUrlDark, string? SupportUrl);
