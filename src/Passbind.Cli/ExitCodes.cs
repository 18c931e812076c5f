namespace Passbind.Cli;

/// <summary>The process exit codes, documented in docs/cli.md and in <c>passbind --help</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Anything not listed below: a bug, or the local passkey store could not be read or written.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad arguments or options, or no usable connection settings (bootstrap.json missing or incomplete).</summary>
    public const int Usage = 2;

    /// <summary>The server answered 404, or no local passkey has the id (or, for a sign-in, none is of its realm).</summary>
    public const int NotFound = 3;

    /// <summary>The server refused the request with a 4xx other than 404 (bad input, no permission, conflict).</summary>
    public const int Refused = 4;

    /// <summary>The server answered 5xx or something unusable, or could not be reached in time.</summary>
    public const int Unavailable = 5;

    /// <summary>A binding failed: the link was consumed, expired, revoked or unknown, its host is not allowed, or the server rejected the passkey.</summary>
    public const int BindFailed = 6;

    /// <summary>A sign-in failed: the transaction is unknown, expired or completed, the request's host is not allowed, or the server rejected the assertion.</summary>
    public const int SignInFailed = 7;

    /// <summary><c>passbind admin</c> refused: a PostgreSQL data directory, a database in use or in the way, a file that is not a Passbind backup.</summary>
    public const int AdminRefused = 8;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The text <c>--help</c> appends to every command's help.</summary>
    public const string HelpText = """
        Exit codes:
          0    ok
          1    unexpected error (or the local passkey store could not be read or written)
          2    usage error: bad arguments, no usable bootstrap.json / connection options, or several passkeys could sign in
          3    not found (server answered 404, or no such local passkey)
          4    server refused the request (4xx other than 404)
          5    server or network unavailable (5xx, unusable answer, connection failure, timeout)
          6    bind failed (link consumed, expired, revoked or unknown; domain not allowed; passkey rejected)
          7    sign-in failed (transaction unknown, expired or completed; domain not allowed; assertion rejected)
          8    admin refused (PostgreSQL data directory, database in use or already there, not a Passbind backup)
          130  interrupted
        """;
}
