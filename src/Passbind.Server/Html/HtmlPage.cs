using System.Text;
using System.Text.Encodings.Web;

namespace Passbind.Server.Html;

/// <summary>
/// A small server-rendered page: the caller passes an already-encoded body; the page adds the frame, the
/// style and headers that keep it inert (no scripts, not framable, not cached, no referrer leaking a link's
/// token).
/// </summary>
internal sealed class HtmlPage(int statusCode, string title, string encodedBody, string contentSecurityPolicy = HtmlPage.StrictContentPolicy) : IResult
{
    public const string StrictContentPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>For pages that show email in sandboxed srcdoc frames, which inherit this policy: their images may load.</summary>
    public const string FramedContentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string Style =
        "body{font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;background:#f4f5f7;margin:0;padding:32px 16px;line-height:1.5}" +
        "main{max-width:880px;margin:0 auto}h1{font-size:22px}h2{font-size:17px;margin:0 0 8px}" +
        ".card,article{background:#fff;border-radius:8px;padding:24px;margin:0 0 24px;box-shadow:0 1px 2px rgba(0,0,0,.06)}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 16px;font-size:14px}dt{color:#666}dd{margin:0;word-break:break-all}" +
        "iframe{width:100%;height:520px;border:1px solid #ddd;border-radius:6px;background:#f4f5f7}" +
        "pre{white-space:pre-wrap;word-break:break-all;background:#f7f7f8;padding:12px;border-radius:6px;font-size:13px}" +
        ".note{color:#555;font-size:14px}summary{cursor:pointer;margin-top:12px}";

    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        PageHeaders.Apply(response.Headers, contentSecurityPolicy);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(HtmlEncoder.Default.Encode(title)).Append("</title><style>")
            .Append(Style).Append("</style></head><body><main>").Append(encodedBody).Append("</main></body></html>");
        await response.WriteAsync(html.ToString(), Encoding.UTF8, httpContext.RequestAborted);
    }
}
