namespace Passbind.Server.Features.SignIn;

/// <summary>Where the authorize request came from, as the server saw it.</summary>
internal sealed record ContextOrigin(string? SourceIp, string? UserAgent, string Geolocation, string? Referer);
