using Passbind.Core.Validation;

namespace Passbind.Server.Hosting;

/// <summary>The <c>Passbind:Urls</c> section: which URLs clients may register besides http and https.</summary>
internal sealed class UrlOptions
{
    public const string SectionName = "Passbind:Urls";

    /// <summary>
    /// Custom schemes of native apps allowed in <c>invoke_url</c>, <c>post_binding_redirect_uri</c> and
    /// <c>trusted_origins</c> (<c>Passbind:Urls:AppSchemes:0=myapp</c>). Default (when none is listed):
    /// <c>passbind-sdk</c>, the .NET SDK's origin. Browser and web schemes are refused at start.
    /// </summary>
    public List<string>? AppSchemes { get; set; }

    /// <summary>The configured schemes, or the default.</summary>
    public AppSchemes ToAppSchemes() =>
        AppSchemes is { Count: > 0 } schemes ? Core.Validation.AppSchemes.Of(schemes) : Core.Validation.AppSchemes.Default;

    /// <summary>Why the configuration cannot be used, or null.</summary>
    public string? Problem() =>
        AppSchemes?.Select(s => Core.Validation.AppSchemes.Problem(s.ToLowerInvariant()) is { } problem ? $"{SectionName}:AppSchemes: '{s}' {problem}" : null)
            .FirstOrDefault(p => p is not null);
}
