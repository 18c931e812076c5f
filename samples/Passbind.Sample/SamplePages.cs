using System.Security.Cryptography;
using System.Text;

namespace Passbind.Sample;

/// <summary>
/// The sample's pages, scripts and stylesheet, compiled into the assembly (Pages/*). An HTML page has two placeholders
/// filled in per response: <c>%SDK_URL%</c>, the browser SDK on the Passbind server (an import map maps the seed's
/// <c>@beyondidentity/bi-sdk-js</c> to it), and <c>%NONCE%</c>, which lets that one inline import map run under a
/// strict Content-Security-Policy.
/// </summary>
internal sealed class SamplePages
{
    private readonly SampleSettings _settings;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public SamplePages(SampleSettings settings)
    {
        _settings = settings;
        const string prefix = "Passbind.Sample.Pages.";
        var assembly = typeof(SamplePages).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
            _files[name[prefix.Length..]] = reader.ReadToEnd();
        }
    }

    /// <summary>An HTML page with its Content-Security-Policy; the page's URL may carry a binding token, so it is never cached.</summary>
    public IResult Page(HttpContext context, string name)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var html = _files[$"{name}.html"]
            .Replace("%SDK_URL%", _settings.SdkUrl, StringComparison.Ordinal)
            .Replace("%NONCE%", nonce, StringComparison.Ordinal);

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self' 'nonce-{nonce}' {_settings.ServerOrigin}; connect-src 'self' {_settings.ServerOrigin}; " +
            "style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>A script or stylesheet of Pages/, or 404.</summary>
    public IResult Asset(HttpContext context, string file)
    {
        var contentType = Path.GetExtension(file) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => null,
        };
        if (contentType is null || !_files.TryGetValue(file, out var text))
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(text, contentType);
    }
}
