namespace Passbind.Server.Features.Email;

/// <summary>The <c>Passbind:Smtp</c> section: the mail server. How the outbox sends is <see cref="EmailOptions"/>.</summary>
internal sealed class SmtpOptions
{
    public const string SectionName = "Passbind:Smtp";

    /// <summary>The SMTP server. Default: none, and mail goes to the dev mailbox.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address. Default <c>passbind@localhost</c>.</summary>
    public string From { get; set; } = "passbind@localhost";

    /// <summary><c>Auto</c> (default), <c>None</c>, <c>StartTls</c> or <c>Tls</c>.</summary>
    public string Security { get; set; } = "Auto";
}
