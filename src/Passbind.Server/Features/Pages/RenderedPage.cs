namespace Passbind.Server.Features.Pages;

/// <summary>A rendered hosted page and the content security policy it must be sent with.</summary>
internal sealed record RenderedPage(string Html, string ContentSecurityPolicy);
