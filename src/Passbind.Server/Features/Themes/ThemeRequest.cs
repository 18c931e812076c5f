namespace Passbind.Server.Features.Themes;

/// <summary>The body of a patch: <c>{"theme": {...}}</c>.</summary>
internal sealed record ThemeRequest(ThemeFields? Theme);
