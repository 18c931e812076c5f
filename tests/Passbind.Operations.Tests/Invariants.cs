namespace Passbind.Operations.Tests;

/// <summary>
/// SQL counting what must never exist (product.md: a link is consumed only by a successful binding, atomically with
/// storing the passkey): each query answers 0 on a sound database, SQLite or PostgreSQL.
/// </summary>
public static class Invariants
{
    public const string CredentialWithoutCompletedJob =
        "SELECT COUNT(*) FROM credentials c LEFT JOIN credential_binding_jobs j ON j.\"Id\" = c.\"BindingJobId\" "
        + "WHERE c.\"BindingJobId\" IS NOT NULL AND (j.\"Id\" IS NULL OR j.\"State\" <> 'COMPLETE' OR j.\"CredentialId\" <> c.\"Id\")";

    public const string CompletedJobWithoutCredential =
        "SELECT COUNT(*) FROM credential_binding_jobs j LEFT JOIN credentials c ON c.\"Id\" = j.\"CredentialId\" "
        + "WHERE j.\"State\" = 'COMPLETE' AND c.\"Id\" IS NULL";
}
