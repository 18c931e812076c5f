using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Passbind.Server.Secrets;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// Email one-time codes: six digits from <see cref="RandomNumberGenerator"/> (NIST SP 800-63B-4 §4.2.1: issued
/// codes of at least 6 digits), kept only as a MAC under a key derived from the master key and salted with the
/// transaction, so neither a copy of the database nor another transaction's code can be matched against it.
/// </summary>
internal static class OneTimeCodes
{
    public const int Digits = 6;
    private const int Bound = 1_000_000;

    public static string Create() => RandomNumberGenerator.GetInt32(0, Bound).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The code as typed, with spaces and dashes a person may add taken out; null unless it is six digits.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 32)
        {
            return null;
        }

        var digits = new string(typed.Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static byte[] Hash(MasterKey masterKey, string transactionId, string code) =>
        masterKey.MacOneTimeCode(Encoding.UTF8.GetBytes($"{transactionId}\0{code}"));

    public static bool Matches(byte[]? stored, byte[] presented) =>
        stored is not null && CryptographicOperations.FixedTimeEquals(stored, presented);
}
