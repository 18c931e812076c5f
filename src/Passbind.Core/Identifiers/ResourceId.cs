using System.Security.Cryptography;

namespace Passbind.Core.Identifiers;

/// <summary>
/// Creates resource ids in Beyond Identity's formats: 16 lowercase hex characters for tenants (with the
/// <c>0001</c> prefix), realms, identities, credentials and jobs; UUIDs for applications and authenticator
/// configs. Clients treat them as opaque strings, so the format is for familiarity only.
/// </summary>
public static class ResourceId
{
    public static string NewTenantId() => "0001" + RandomHex(6);

    public static string NewHexId() => RandomHex(8);

    public static string NewUuid() => Guid.NewGuid().ToString();

    /// <summary>True when <paramref name="value"/> could be any of our ids: a path segment that is worth a lookup.</summary>
    public static bool IsWellFormed(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
