namespace Passbind.Server.Html;

/// <summary>The headers every page the server renders or serves carries, so that none can be framed, sniffed or leak its URL.</summary>
internal static class PageHeaders
{
    public static void Apply(IHeaderDictionary headers, string contentSecurityPolicy)
    {
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
    }
}
