namespace Passbind.Sdk;

/// <summary>Where a sign-in request came from, as the server saw it at <c>authorize</c>; each member may be <see langword="null"/>.</summary>
/// <param name="SourceIp">The client's IP address.</param>
/// <param name="UserAgent">The client's <c>User-Agent</c>.</param>
/// <param name="Geolocation">Where the IP address is, as far as the server knows.</param>
/// <param name="Referer">The <c>Referer</c> of the authorize request.</param>
public sealed record AuthenticationOrigin(string? SourceIp, string? UserAgent, string? Geolocation, string? Referer);
