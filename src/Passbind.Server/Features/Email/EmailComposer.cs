using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using Passbind.Server.Html;

namespace Passbind.Server.Features.Email;

/// <summary>
/// Writes Passbind's messages, each as an HTML part and a plain-text part. Every value from outside (realm
/// name, theme URLs and colours, device kind, the link) is HTML-encoded where it enters the HTML; the
/// subject is built from cleaned text only. What does not change from one message to the next is prepared
/// once: the fixed paragraphs when the class loads, and a realm's frame (the page around the message, with its
/// logo, heading, support link and footer) when its first message is composed.
/// </summary>
internal static class EmailComposer
{
    /// <summary>Frames kept; past this many (realm looks × headings), the cache starts again.</summary>
    private const int MaxFrames = 512;

    private const string PasskeyAddedHeading = "A passkey was added to your account";
    private const string SignInSubject = "Login instructions";
    private const string LinkNotYou = "Didn't ask for this? You can ignore this email. Nobody can add a passkey to your account without this link, and it stops working when it expires.";
    private const string IfYou = "If this was you, there is nothing to do.";
    private const string CodeNotYou = "Didn't try to sign in? You can ignore this email: without the code, nobody can sign in with it.";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;
    private static readonly string LinkNotYouHtml = ParagraphHtml(LinkNotYou, muted: true);
    private static readonly string IfYouHtml = ParagraphHtml(IfYou, muted: false);
    private static readonly string CodeNotYouHtml = ParagraphHtml(CodeNotYou, muted: true);
    private static readonly ConcurrentDictionary<(EmailBranding Branding, string Heading), EmailFrame> Frames = new();

    public static string BindingLinkSubject(EmailBranding branding) => $"Set up your passkey for {branding.RealmName}";

    public static string PasskeyAddedSubject(EmailBranding branding) => $"A passkey was added to your {branding.RealmName} account";

    public static string SignInCodeSubject => SignInSubject;

    public static ComposedEmail BindingLink(EmailBranding branding, string link, DateTimeOffset expireTime)
    {
        var realm = branding.RealmName;
        var expiry = EmailText.Time(expireTime);
        var subject = BindingLinkSubject(branding);
        var intro = $"{realm} invited you to set up a passkey: a way to sign in with your face, fingerprint or screen lock instead of a password.";
        var validity = $"The link works until {expiry}, and only once.";
        var frame = FrameFor(branding, subject);

        var text = new StringBuilder(1024)
            .Append(subject).Append("\n\n")
            .Append(intro).Append("\n\n")
            .Append("Set up your passkey:\n")
            .Append(link).Append("\n\n")
            .Append(validity).Append("\n\n")
            .Append(LinkNotYou).Append('\n')
            .Append(frame.SupportText);

        var html = new StringBuilder(4096).Append(frame.Open);
        Paragraph(html, intro);
        html.Append("<p style=\"margin:28px 0\"><a href=\"").Append(Html.Encode(link))
            .Append("\" target=\"_blank\" style=\"display:inline-block;padding:12px 24px;border-radius:6px;text-decoration:none;font-weight:600;background:")
            .Append(branding.ButtonColor).Append(";color:").Append(branding.ButtonTextColor).Append("\">Set up your passkey</a></p>");
        Paragraph(html, validity);
        html.Append("<p style=\"margin:0 0 16px;font-size:13px;color:#555\">If the button does not work, open this address in your browser:<br><span style=\"word-break:break-all\">")
            .Append(Html.Encode(link)).Append("</span></p>")
            .Append(LinkNotYouHtml)
            .Append(frame.Close);
        return new ComposedEmail(subject, html.ToString(), text.ToString());
    }

    /// <summary>The NIST SP 800-63B §4.6 notice: which authenticator was bound, and when, and what to do if it was not the user.</summary>
    public static ComposedEmail PasskeyAdded(EmailBranding branding, DateTimeOffset addedTime, string deviceKind)
    {
        var realm = branding.RealmName;
        var device = DisplayText.Clean(deviceKind, 128);
        var subject = PasskeyAddedSubject(branding);
        var what = $"A passkey was added to your {realm} account on {EmailText.Time(addedTime)}.";
        var deviceLine = device.Length == 0 ? null : $"Device: {device}";
        var ifNotYou = branding.SupportUrl is null
            ? $"If it wasn't you, contact the administrator of {realm} right away so they can remove it."
            : "If it wasn't you, contact support right away so they can remove it.";
        var frame = FrameFor(branding, PasskeyAddedHeading);

        var text = new StringBuilder(512)
            .Append(PasskeyAddedHeading).Append("\n\n")
            .Append(what).Append('\n');
        if (deviceLine is not null)
        {
            text.Append(deviceLine).Append('\n');
        }

        text.Append('\n').Append(IfYou).Append('\n').Append(ifNotYou).Append('\n').Append(frame.SupportText);

        var html = new StringBuilder(2560).Append(frame.Open);
        Paragraph(html, what);
        if (deviceLine is not null)
        {
            Paragraph(html, deviceLine);
        }

        html.Append(IfYouHtml);
        Paragraph(html, ifNotYou);
        html.Append(frame.Close);
        return new ComposedEmail(subject, html.ToString(), text.ToString());
    }

    /// <summary>
    /// The one-time code of an email sign-in, under Beyond Identity's subject for it ("Login instructions"). The
    /// code is the message's only secret: it works once, for a few minutes, and only in the sign-in that asked.
    /// </summary>
    public static ComposedEmail SignInCode(EmailBranding branding, string code, DateTimeOffset expireTime)
    {
        var realm = branding.RealmName;
        var intro = $"Use this code to sign in to {realm}:";
        var validity = $"It works until {EmailText.Time(expireTime)}, and only once. Nobody from {realm} will ask you for it.";
        var frame = FrameFor(branding, SignInSubject);

        var text = new StringBuilder(512)
            .Append(SignInSubject).Append("\n\n")
            .Append(intro).Append("\n\n")
            .Append(code).Append("\n\n")
            .Append(validity).Append("\n\n")
            .Append(CodeNotYou).Append('\n')
            .Append(frame.SupportText);

        var html = new StringBuilder(2560).Append(frame.Open);
        Paragraph(html, intro);
        html.Append("<p style=\"margin:24px 0;font-size:32px;font-weight:700;letter-spacing:6px;font-family:ui-monospace,Menlo,Consolas,monospace\">")
            .Append(Html.Encode(code)).Append("</p>");
        Paragraph(html, validity);
        html.Append(CodeNotYouHtml).Append(frame.Close);
        return new ComposedEmail(SignInSubject, html.ToString(), text.ToString());
    }

    private static EmailFrame FrameFor(EmailBranding branding, string heading)
    {
        if (Frames.TryGetValue((branding, heading), out var frame))
        {
            return frame;
        }

        if (Frames.Count >= MaxFrames)
        {
            Frames.Clear();
        }

        frame = new EmailFrame(OpenHtml(branding, heading), CloseHtml(branding), SupportText(branding));
        Frames.TryAdd((branding, heading), frame);
        return frame;
    }

    private static string SupportText(EmailBranding branding) =>
        branding.SupportUrl is null ? string.Empty : $"\nSupport: {branding.SupportUrl}\n";

    private static string OpenHtml(EmailBranding branding, string heading)
    {
        var html = new StringBuilder(1024)
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
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

        return html.Append("<h1 style=\"font-size:20px;margin:0 0 16px\">").Append(Html.Encode(heading)).Append("</h1>").ToString();
    }

    private static string CloseHtml(EmailBranding branding)
    {
        var html = new StringBuilder(512);
        if (branding.SupportUrl is not null)
        {
            html.Append("<p style=\"margin:24px 0 0;font-size:13px;color:#555\">Need help? <a href=\"").Append(Html.Encode(branding.SupportUrl))
                .Append("\" target=\"_blank\" style=\"color:#555\">Contact support</a></p>");
        }

        return html.Append("</td></tr></table><p style=\"font-family:sans-serif;font-size:12px;color:#888;margin:16px 0 0\">")
            .Append(Html.Encode(branding.RealmName)).Append("</p></td></tr></table></body></html>").ToString();
    }

    private static void Paragraph(StringBuilder html, string text) => html.Append("<p style=\"margin:0 0 16px\">").Append(Html.Encode(text)).Append("</p>");

    private static string ParagraphHtml(string text, bool muted) =>
        (muted ? "<p style=\"margin:0 0 16px;font-size:13px;color:#555\">" : "<p style=\"margin:0 0 16px\">") + Html.Encode(text) + "</p>";
}
