using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Email;

/// <summary>
/// A stored outbox message as its recipient gets it. A message stored as <see cref="OutboxMessage.Fields"/> is
/// composed from them; one queued by an earlier version with its rendered bodies is taken as it was stored. Either
/// way its sealed link or code is opened, in memory only: never store the result.
/// </summary>
internal sealed class OutboxContent(SealedLinks sealedLinks)
{
    /// <summary>Composes the message; throws <see cref="FormatException"/> when the stored row cannot make one.</summary>
    public ComposedEmail Open(OutboxMessage message)
    {
        if (message.Fields is null)
        {
            return new ComposedEmail(message.Subject, sealedLinks.Reveal(message.HtmlBody ?? string.Empty), sealedLinks.Reveal(message.TextBody ?? string.Empty));
        }

        var fields = OutboxFields.Parse(message.Fields);
        var branding = fields.Branding;
        return message.Kind switch
        {
            OutboxKinds.BindingLink => EmailComposer.BindingLink(branding, sealedLinks.Reveal(Required(fields.Link)), fields.Time),
            OutboxKinds.PasskeyAdded => EmailComposer.PasskeyAdded(branding, fields.Time, fields.Device ?? string.Empty),
            OutboxKinds.SignInCode => EmailComposer.SignInCode(branding, sealedLinks.Reveal(Required(fields.Code)), fields.Time),
            _ => throw new FormatException("the stored message is of an unknown kind"),
        };
    }

    /// <summary>The row's stored text (fields or bodies) with every sealed link or code dropped, for a message that will not be sent (again).</summary>
    public static (string? Fields, string? Text, string? Html) Redacted(OutboxMessage message) =>
        (Redact(message.Fields), Redact(message.TextBody), Redact(message.HtmlBody));

    private static string? Redact(string? stored) => stored is null ? null : SealedLinks.Redact(stored);

    private static string Required(string? value) => value ?? throw new FormatException("the stored message lacks its link or code");
}
