using System.Text;
using System.Text.Encodings.Web;
using Passbind.Server.Html;

namespace Passbind.Server.Features.Email;

/// <summary>
/// Writes Passbind's messages, each as an HTML part and a plain-text part. Every value from outside (realm
/// name, theme URLs and colours, device kind, the link) is HTML-encoded where it enters the HTML; the
/// subject is built from cleaned text only.
/// </summary>
internal static class EmailComposer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static ComposedEmail BindingLink(EmailBranding branding, string link, DateTimeOffset expireTime)
    {
        var realm = branding.RealmName;
        var expiry = EmailText.Time(expireTime);
        var subject = $"Set up your passkey for {realm}";
        var intro = $"{realm} invited you to set up a passkey: a way to sign in with your face, fingerprint or screen lock instead of a password.";
        var validity = $"The link works until {expiry}, and only once.";
        var notYou = "Didn't ask for this? You can ignore this email. Nobody can add a passkey to your account without this link, and it stops working when it expires.";

        var text = new StringBuilder()
            .Append(subject).Append("\n\n")
            .Append(intro).Append("\n\n")
            .Append("Set up your passkey:\n")
            .Append(link).Append("\n\n")
            .Append(validity).Append("\n\n")
            .Append(notYou).Append('\n');
        AppendSupportText(text, branding);

        var html = new StringBuilder();
        OpenHtml(html, subject, branding);
        Paragraph(html, intro);
        html.Append("<p style=\"margin:28px 0\"><a href=\"").Append(Html.Encode(link))
            .Append("\" target=\"_blank\" style=\"display:inline-block;padding:12px 24px;border-radius:6px;text-decoration:none;font-weight:600;background:")
            .Append(branding.ButtonColor).Append(";color:").Append(branding.ButtonTextColor).Append("\">Set up your passkey</a></p>");
        Paragraph(html, validity);
        html.Append("<p style=\"margin:0 0 16px;font-size:13px;color:#555\">If the button does not work, open this address in your browser:<br><span style=\"word-break:break-all\">")
            .Append(Html.Encode(link)).Append("</span></p>");
        Paragraph(html, notYou, muted: true);
        CloseHtml(html, branding);
        return new ComposedEmail(subject, html.ToString(), text.ToString());
    }

    /// <summary>The NIST SP 800-63B §4.6 notice: which authenticator was bound, and when, and what to do if it was not the user.</summary>
    public static ComposedEmail PasskeyAdded(EmailBranding branding, DateTimeOffset addedTime, string deviceKind)
    {
        var realm = branding.RealmName;
        var device = DisplayText.Clean(deviceKind, 128);
        var subject = $"A passkey was added to your {realm} account";
        var what = $"A passkey was added to your {realm} account on {EmailText.Time(addedTime)}.";
        var deviceLine = device.Length == 0 ? null : $"Device: {device}";
        var ifYou = "If this was you, there is nothing to do.";
        var ifNotYou = branding.SupportUrl is null
            ? $"If it wasn't you, contact the administrator of {realm} right away so they can remove it."
            : "If it wasn't you, contact support right away so they can remove it.";

        var text = new StringBuilder()
            .Append("A passkey was added to your account").Append("\n\n")
            .Append(what).Append('\n');
        if (deviceLine is not null)
        {
            text.Append(deviceLine).Append('\n');
        }

        text.Append('\n').Append(ifYou).Append('\n').Append(ifNotYou).Append('\n');
        AppendSupportText(text, branding);

        var html = new StringBuilder();
        OpenHtml(html, "A passkey was added to your account", branding);
        Paragraph(html, what);
        if (deviceLine is not null)
        {
            Paragraph(html, deviceLine);
        }

        Paragraph(html, ifYou);
        Paragraph(html, ifNotYou);
        CloseHtml(html, branding);
        return new ComposedEmail(subject, html.ToString(), text.ToString());
    }

    /// <summary>
    /// The one-time code of an email sign-in, under Beyond Identity's subject for it ("Login instructions"). The
    /// code is the message's only secret: it works once, for a few minutes, and only in the sign-in that asked.
    /// </summary>
    public static ComposedEmail SignInCode(EmailBranding branding, string code, DateTimeOffset expireTime)
    {
        var realm = branding.RealmName;
        const string subject = "Login instructions";
        var intro = $"Use this code to sign in to {realm}:";
        var validity = $"It works until {EmailText.Time(expireTime)}, and only once. Nobody from {realm} will ask you for it.";
        const string notYou = "Didn't try to sign in? You can ignore this email: without the code, nobody can sign in with it.";

        var text = new StringBuilder()
            .Append(subject).Append("\n\n")
            .Append(intro).Append("\n\n")
            .Append(code).Append("\n\n")
            .Append(validity).Append("\n\n")
            .Append(notYou).Append('\n');
        AppendSupportText(text, branding);

        var html = new StringBuilder();
        OpenHtml(html, subject, branding);
        Paragraph(html, intro);
        html.Append("<p style=\"margin:24px 0;font-size:32px;font-weight:700;letter-spacing:6px;font-family:ui-monospace,Menlo,Consolas,monospace\">")
            .Append(Html.Encode(code)).Append("</p>");
        Paragraph(html, validity);
        Paragraph(html, notYou, muted: true);
        CloseHtml(html, branding);
        return new ComposedEmail(subject, html.ToString(), text.ToString());
    }

    private static void AppendSupportText(StringBuilder text, EmailBranding branding)
    {
        if (branding.SupportUrl is not null)
        {
            text.Append("\nSupport: ").Append(branding.SupportUrl).Append('\n');
        }
    }

    private static void OpenHtml(StringBuilder html, string heading, EmailBranding branding)
    {
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
            .Append(Html.Encode(heading))
            .Append("</title></head><body style=\"margin:0;padding:0;background:#f4f5f7\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f5f7\"><tr><td align=\"center\" style=\"padding:32px 16px\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:560px;background:#ffffff;border-radius:8px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;font-size:15px;line-height:1.5\">")
            .Append("<tr><td style=\"padding:32px\">");
        if (branding.LogoUrl is not null)
        {
            html.Append("<img src=\"").Append(Html.Encode(branding.LogoUrl)).Append("\" alt=\"").Append(Html.Encode(branding.RealmName))
                .Append("\" style=\"max-height:48px;max-width:200px;margin-bottom:24px;display:block\">");
        }

        html.Append("<h1 style=\"font-size:20px;margin:0 0 16px\">").Append(Html.Encode(heading)).Append("</h1>");
    }

    private static void Paragraph(StringBuilder html, string text, bool muted = false) =>
        html.Append(muted ? "<p style=\"margin:0 0 16px;font-size:13px;color:#555\">" : "<p style=\"margin:0 0 16px\">")
            .Append(Html.Encode(text)).Append("</p>");

    private static void CloseHtml(StringBuilder html, EmailBranding branding)
    {
        if (branding.SupportUrl is not null)
        {
            html.Append("<p style=\"margin:24px 0 0;font-size:13px;color:#555\">Need help? <a href=\"").Append(Html.Encode(branding.SupportUrl))
                .Append("\" target=\"_blank\" style=\"color:#555\">Contact support</a></p>");
        }

        html.Append("</td></tr></table><p style=\"font-family:sans-serif;font-size:12px;color:#888;margin:16px 0 0\">")
            .Append(Html.Encode(branding.RealmName)).Append("</p></td></tr></table></body></html>");
    }
}
