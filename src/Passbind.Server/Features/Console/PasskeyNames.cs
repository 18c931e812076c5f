namespace Passbind.Server.Features.Console;

/// <summary>What the console calls a passkey's authenticator: the names of well-known AAGUIDs, and its device kind.</summary>
internal static class PasskeyNames
{
    // From the passkey providers' published AAGUIDs; an AAGUID not listed shows as its value.
    private static readonly Dictionary<Guid, string> Known = new()
    {
        [Guid.Parse("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")] = "Google Password Manager",
        [Guid.Parse("adce0002-35bc-c60a-648b-0b25f1f05503")] = "Chrome on Mac",
        [Guid.Parse("fbfc3007-154e-4ecc-8c0b-6e020557d7bd")] = "iCloud Keychain",
        [Guid.Parse("08987058-cadc-4b81-b6e1-30de50dcbe96")] = "Windows Hello",
        [Guid.Parse("9ddd1817-af5a-4672-a2b9-3e3dd95000a9")] = "Windows Hello",
        [Guid.Parse("6028b017-b1d4-4c02-b4b3-afcdafc96bb2")] = "Windows Hello",
        [Guid.Parse("bada5566-a7aa-401f-bd96-45619a55120d")] = "1Password",
        [Guid.Parse("d548826e-79b4-db40-a3d8-11116f7e8349")] = "Bitwarden",
    };

    /// <summary>The authenticator's name where its AAGUID is known; "Unknown" for the all-zero AAGUID (no attestation).</summary>
    public static string Authenticator(Guid aaguid) =>
        Known.TryGetValue(aaguid, out var name) ? name : aaguid == Guid.Empty ? "Unknown" : aaguid.ToString();

    /// <summary>Synced (backup eligible) or bound to one device; a software passkey held by an SDK says so.</summary>
    public static string DeviceKind(string keyType, bool backupEligible) => (keyType, backupEligible) switch
    {
        ("subtle", _) => "Software passkey (SDK)",
        (_, true) => "Synced passkey",
        _ => "Device-bound passkey",
    };
}
