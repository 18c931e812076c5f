using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Html;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Features.Email;

/// <summary>
/// <c>/dev/mailbox</c>: the messages that went to the dev mailbox (no SMTP host configured), newest first.
/// It shows live binding links to whoever can read it, so it is a development tool by construction: mapped only
/// in the Development environment (never in Staging or Production), and answered only to a client on this
/// machine (a loopback address, or an in-process host with no network peer); anyone else gets the 404 of a
/// route that does not exist.
/// </summary>
internal static class DevMailboxEndpoints
{
    public const string Path = "/dev/mailbox";
    private const int Shown = 100;
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IEndpointRouteBuilder MapDevMailboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ShowAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Whether this environment serves the mailbox: Development only.</summary>
    public static bool IsServed(IHostEnvironment environment) => environment.IsDevelopment();

    internal static async Task<IResult> ShowAsync(HttpContext http, PassbindDbContext db, OutboxContent content, CancellationToken cancellationToken)
    {
        // The forwarded address when a configured proxy sent the request, so a proxy on this machine opens nothing.
        if (http.Connection.RemoteIpAddress is { } address && !IPAddress.IsLoopback(address))
        {
            return ApiError.RouteNotFound();
        }

        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Transport == OutboxKinds.TransportDevMailbox)
            .OrderByDescending(m => m.CreateTime)
            .Take(Shown)
            .ToListAsync(cancellationToken);

        var body = new StringBuilder();
        body.Append("<h1>Dev mailbox</h1><p class=\"note\">Mail goes here because no SMTP host is configured (<code>Passbind:Smtp:Host</code>). ")
            .Append("This page exists only in Development, for this machine. Newest first, at most ").Append(Shown).Append(" messages.</p>");
        if (messages.Count == 0)
        {
            body.Append("<p>No messages yet.</p>");
        }

        foreach (var message in messages)
        {
            ComposedEmail email;
            try
            {
                email = content.Open(message);
            }
            catch (FormatException)
            {
                email = new ComposedEmail(message.Subject, "(this message cannot be composed)", "(this message cannot be composed)");
            }

            var when = (message.SentTime ?? message.CreateTime).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            body.Append("<article><header><h2>").Append(Html.Encode(email.Subject)).Append("</h2><dl>")
                .Append("<dt>To</dt><dd>").Append(Html.Encode(message.Recipient)).Append("</dd>")
                .Append("<dt>Time</dt><dd>").Append(when).Append("</dd>")
                .Append("<dt>Message-ID</dt><dd>&lt;").Append(Html.Encode(message.MessageId)).Append("&gt;</dd>")
                .Append("</dl></header>")

                // The HTML part is shown as the recipient's mail client would, in a sandbox with no scripts,
                // forms or same-origin access; srcdoc takes it as an encoded attribute value.
                .Append("<iframe title=\"HTML part\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" referrerpolicy=\"no-referrer\" srcdoc=\"")
                .Append(Html.Encode(email.HtmlBody)).Append("\"></iframe>")
                .Append("<details><summary>Plain-text part</summary><pre>").Append(Html.Encode(email.TextBody)).Append("</pre></details></article>");
        }

        return new HtmlPage(StatusCodes.Status200OK, "Dev mailbox · Passbind", body.ToString(), HtmlPage.FramedContentPolicy);
    }
}
