using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Console;

/// <summary>
/// A browser's part in front of the in-process server: it keeps cookies, reads each form's antiforgery token
/// from the page as a browser would, and posts forms. A session starts with the cookie the console's cookie
/// scheme issues after an OIDC sign-in, made with the server's own ticket protector for a given identity.
/// </summary>
internal sealed partial class ConsoleBrowser : IDisposable
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies = [];

    private ConsoleBrowser(WebApplicationFactory<Program> factory, bool https = false) =>
        _client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        });

    private string? _lastToken;

    /// <summary>The HTML of the last page fetched.</summary>
    public string Html { get; private set; } = "";

    public static ConsoleBrowser Anonymous(PassbindServer server) => new(server.Factory);

    /// <summary>
    /// A browser signed in to the console as <paramref name="identityId"/> of the realm. With <paramref name="signedInAt"/>,
    /// the session carries the times the cookie scheme writes at sign-in (issued then, expiring an idle timeout later).
    /// </summary>
    public static ConsoleBrowser SignedIn(PassbindServer server, string identityId, string tenantId, string realmId, DateTimeOffset? signedInAt = null) =>
        SignedIn(server.Factory, identityId, tenantId, realmId, signedInAt);

    /// <summary>A browser signed in to the console of <paramref name="factory"/>, as the other overload.</summary>
    /// <remarks>With <paramref name="https"/> the requests come over HTTPS, as they must outside Development.</remarks>
    public static ConsoleBrowser SignedIn(
        WebApplicationFactory<Program> factory, string identityId, string tenantId, string realmId, DateTimeOffset? signedInAt = null, bool https = false)
    {
        var browser = new ConsoleBrowser(factory, https);
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get("Console");
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", identityId), new Claim("tid", tenantId), new Claim("rid", realmId)], "Console", "sub", null));
        var properties = new AuthenticationProperties();
        if (signedInAt is { } issued)
        {
            properties.IssuedUtc = issued;
            properties.ExpiresUtc = issued + options.ExpireTimeSpan;
        }

        browser._cookies[options.Cookie.Name!] = options.TicketDataFormat.Protect(new AuthenticationTicket(principal, properties, "Console"));
        return browser;
    }

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await SendAsync(request);
        Read(await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="action"/> with the last page's antiforgery token, as its
    /// form would (or <paramref name="token"/> instead, when given: "" sends none).
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string action, IReadOnlyDictionary<string, string> fields, string? token = null)
    {
        var form = new Dictionary<string, string>(fields);
        token ??= AntiforgeryToken();
        if (token.Length > 0)
        {
            form["__csrf"] = token;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(form) };
        var response = await SendAsync(request);
        Read(await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>Posts a form with a file, as a multipart form does, with the last page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string action, IReadOnlyDictionary<string, string> fields, string fileField, string fileName, string content)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(AntiforgeryToken()), "__csrf");
        form.Add(new StringContent(content, System.Text.Encoding.UTF8, "text/csv"), fileField, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = form };
        var response = await SendAsync(request);
        Read(await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>The antiforgery token of the forms of the last page that had any, as an open tab keeps it.</summary>
    public string AntiforgeryToken()
    {
        Assert.True(_lastToken is not null, "no page had a form with an antiforgery token:\n" + Html);
        return _lastToken;
    }

    public void Dispose() => _client.Dispose();

    private void Read(string html)
    {
        Html = html;
        var match = TokenField().Match(html);
        if (match.Success)
        {
            _lastToken = WebUtility.HtmlDecode(match.Groups[1].Value);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
