using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Hosting;

/// <summary>The <c>Passbind</c> configuration section (environment: <c>Passbind__…</c>).</summary>
internal sealed class PassbindOptions : IValidatableObject
{
    public const string SectionName = "Passbind";

    /// <summary>Where the embedded database, the master key and bootstrap.json live. Default <c>data</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The base of every link and URL the server writes. Default: the first address it listens on. Never
    /// taken from a request's Host header.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Base64 of 32 bytes that seals signing keys and page tokens at rest. Default: a key generated on first
    /// start into <c>{DataDirectory}/master.key</c>, readable by the server's user only. Several nodes on one
    /// PostgreSQL database must share it.
    /// </summary>
    public string? MasterKey { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public LinkOptions Links { get; set; } = new();

    public WebAuthnOptions WebAuthn { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var ceiling = TimeSpan.FromDays(7);
        if (Links.MaxLifetime <= TimeSpan.Zero || Links.MaxLifetime > ceiling)
        {
            yield return new ValidationResult("Passbind:Links:MaxLifetime must be more than zero and at most 7 days.");
        }

        foreach (var (name, lifetime) in new[] { ("ReturnLifetime", Links.ReturnLifetime), ("EmailLifetime", Links.EmailLifetime) })
        {
            if (lifetime <= TimeSpan.Zero || lifetime > Links.MaxLifetime)
            {
                yield return new ValidationResult($"Passbind:Links:{name} must be more than zero and at most Passbind:Links:MaxLifetime.");
            }
        }

        if (WebAuthn.ChallengeTimeout < TimeSpan.FromMinutes(1) || WebAuthn.ChallengeTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Passbind:WebAuthn:ChallengeTimeout must be from 1 to 10 minutes.");
        }
    }
}

internal sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (default, embedded) or <c>PostgreSql</c> (with <c>ConnectionStrings:Passbind</c>).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>How long binding links live (NIST SP 800-63B-4: returned codes ≤10 min, emailed ≤24 h).</summary>
internal sealed class LinkOptions
{
    public TimeSpan ReturnLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan EmailLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>No lifetime may exceed this. Default and ceiling: 7 days, Beyond Identity's own link lifetime.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(7);
}

internal sealed class WebAuthnOptions
{
    /// <summary>The relying party id. Default: the host of the public base URL.</summary>
    public string? RpId { get; set; }

    /// <summary>The relying party name shown by authenticators. Default <c>Passbind</c>.</summary>
    public string RpName { get; set; } = "Passbind";

    /// <summary>How long a registration challenge stays valid. Default 5 minutes (WebAuthn L3 recommends 5–10).</summary>
    public TimeSpan ChallengeTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

internal sealed class SmtpOptions
{
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
