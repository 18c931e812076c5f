namespace Passbind.Server.Features.Email;

/// <summary>
/// A realm's page around a message, prepared once by <see cref="EmailComposer"/>: the HTML before the message's first
/// paragraph (head, logo, heading), the HTML after its last (support link, footer), and the text part's support line.
/// </summary>
internal sealed record EmailFrame(string Open, string Close, string SupportText);
