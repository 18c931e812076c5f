namespace Passbind.Client;

/// <summary>An application's <c>token_configuration</c>.</summary>
public sealed record ApplicationTokenConfiguration
{
    /// <summary>What an id_token's <c>sub</c> is: <c>id</c> (default), <c>email</c> or <c>username</c> (<c>subject_field</c>).</summary>
    public string? SubjectField { get; init; }

    /// <summary>Access token lifetime in seconds (<c>expires_after</c>), 60 to 7776000; default 86400.</summary>
    public long? ExpiresAfter { get; init; }

    /// <summary><c>RS256</c> (<c>token_signing_algorithm</c>).</summary>
    public string? TokenSigningAlgorithm { get; init; }
}
