namespace Passbind.Server.Features.Email;

/// <summary>What became of one claimed message in one round of the sender.</summary>
internal enum SendOutcome
{
    /// <summary>Accepted by the SMTP server, or put in the dev mailbox.</summary>
    Sent,

    /// <summary>Unreachable server or a 4xx reply: try again later, up to the attempt limit.</summary>
    Temporary,

    /// <summary>A 5xx reply or an unsendable address: give up now.</summary>
    Permanent,

    /// <summary>The binding link expired before it was sent: never send it.</summary>
    Expired,

    /// <summary>The job ended before its link was sent: never send it.</summary>
    Cancelled,

    /// <summary>Not tried (the server is stopping): give the lease back.</summary>
    Released,
}
