using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Email;

/// <summary>Delivers outbox messages over SMTP with MailKit, as <c>Passbind:Smtp</c> says.</summary>
internal sealed class SmtpMailTransport(IOptions<SmtpOptions> options, IOptions<EmailOptions> email)
{
    /// <summary>True when no SMTP host is configured and mail goes to the dev mailbox instead.</summary>
    public bool UsesDevMailbox => string.IsNullOrWhiteSpace(options.Value.Host);

    /// <summary>Connects, negotiates TLS as configured, and authenticates when a user name is set.</summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var client = new SmtpClient { Timeout = (int)email.Value.SmtpTimeout.TotalMilliseconds };
        try
        {
            // UsesDevMailbox is false whenever the sender connects, so Host is set.
            await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds the MIME message of <paramref name="message"/> as <paramref name="composed"/> says. Throws
    /// <see cref="FormatException"/> for an address or header that cannot be sent.
    /// </summary>
    public MimeMessage Build(OutboxMessage message, ComposedEmail composed)
    {
        // MimeKit encodes headers itself; refusing line breaks here as well means no stored value can ever
        // add a header or a recipient, whatever wrote it.
        foreach (var value in new[] { message.Recipient, composed.Subject, message.MessageId, options.Value.From })
        {
            if (!EmailText.IsHeaderSafe(value))
            {
                throw new FormatException("a header value contains a control character");
            }
        }

        var mime = new MimeMessage
        {
            Subject = composed.Subject,
            MessageId = message.MessageId,
            Date = message.CreateTime,
        };
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Body = new BodyBuilder { TextBody = composed.TextBody, HtmlBody = composed.HtmlBody }.ToMessageBody();
        return mime;
    }

    /// <summary>
    /// <c>Tls</c>: TLS from the first byte; <c>StartTls</c>: STARTTLS required; <c>None</c>: plain text.
    /// <c>Auto</c>: TLS on port 465; otherwise STARTTLS, required when credentials would be sent (so that a
    /// stripped STARTTLS never exposes the password) and used when offered otherwise.
    /// </summary>
    public static SecureSocketOptions SocketOptions(SmtpOptions smtp) => ParseSecurity(smtp.Security) switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ when smtp.Port == 465 => SecureSocketOptions.SslOnConnect,
        _ when !string.IsNullOrEmpty(smtp.UserName) => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    public static SmtpSecurity? ParseSecurity(string? value) =>
        Enum.TryParse<SmtpSecurity>(value, ignoreCase: true, out var security) && Enum.IsDefined(security) ? security : null;
}
