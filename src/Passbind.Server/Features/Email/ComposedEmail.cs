namespace Passbind.Server.Features.Email;

/// <summary>A message ready for the outbox: its subject and its two parts.</summary>
internal sealed record ComposedEmail(string Subject, string HtmlBody, string TextBody);
