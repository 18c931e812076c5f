namespace Passbind.Core.WebAuthn;

/// <summary>The COSE algorithm identifiers Passbind offers and can verify.</summary>
public static class CoseAlgorithms
{
    /// <summary>ECDSA with P-256 and SHA-256.</summary>
    public const int ES256 = -7;

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256.</summary>
    public const int RS256 = -257;

    /// <summary>What registration options offer, in order of preference.</summary>
    public static IReadOnlyList<int> Offered { get; } = [ES256, RS256];

    public static bool IsSupported(int alg) => alg is ES256 or RS256;
}
