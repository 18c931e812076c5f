using System.Buffers.Text;
using Passbind.Core.WebAuthn;

namespace Passbind.Core.Tests.WebAuthn;

public sealed class CoseKeyTests
{
    [Fact]
    public void Thumbprint_Rfc7638Example_MatchesTheRfc()
    {
        // RFC 7638 §3.1: the RSA key of RFC 7517 appendix A.1 and its SHA-256 thumbprint.
        const string n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        var key = CoseKey.TryRead(CoseKeys.Rsa(Base64Url.DecodeFromChars(n), Base64Url.DecodeFromChars("AQAB")));

        Assert.NotNull(key);
        var jwk = key.ToValidatedJwk(CoseAlgorithms.RS256);

        Assert.Equal("{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}", jwk);
        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", CoseKey.Thumbprint(jwk!));
    }

    [Fact]
    public void ToValidatedJwk_RsaModulusWithLeadingZero_WritesMinimalModulus()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var modulus = rsa.ExportParameters(false).Modulus!;
        var key = CoseKey.TryRead(CoseKeys.Rsa([0, .. modulus], [1, 0, 1]));

        var jwk = key!.ToValidatedJwk(CoseAlgorithms.RS256);

        Assert.Contains("\"n\":\"" + Base64Url.EncodeToString(modulus) + "\"", jwk, StringComparison.Ordinal);
    }

    [Fact]
    public void ToValidatedJwk_Es256KeyAskedAsRs256_ReturnsNull()
    {
        using var ec = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

        Assert.Null(CoseKey.TryRead(CoseKeys.Ec2(ec))!.ToValidatedJwk(CoseAlgorithms.RS256));
    }
}
