using System.Formats.Cbor;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// A credential public key in COSE_Key form (RFC 9052 §7, RFC 9053), read strictly and validated before
/// anything is stored: an EC2 point must lie on P-256, an RSA modulus must be at least 2048 bits.
/// </summary>
internal sealed class CoseKey
{
    private const int LabelKty = 1;
    private const int LabelAlg = 3;
    private const int LabelCrvOrN = -1;
    private const int LabelXOrE = -2;
    private const int LabelY = -3;

    private const int KtyEc2 = 2;
    private const int KtyRsa = 3;
    private const int CrvP256 = 1;
    private const int P256CoordinateLength = 32;
    private const int MinRsaModulusBits = 2048;
    private const int MaxRsaModulusBits = 8192;
    private const int MaxEntries = 16;

    // P-256 (SEC 2 §2.4.2): y² = x³ − 3x + b over GF(p).
    private static readonly BigInteger P256Prime = BigInteger.Parse(
        "115792089210356248762697446949407573530086143415290314195533631308867097853951",
        System.Globalization.CultureInfo.InvariantCulture);

    private static readonly BigInteger P256B = new(
        Convert.FromHexString("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b"),
        isUnsigned: true,
        isBigEndian: true);

    private CoseKey(int kty, int? alg, int? crv, ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second, ReadOnlyMemory<byte> y)
    {
        Kty = kty;
        Alg = alg;
        Crv = crv;
        XOrN = first;
        YOrE = kty == KtyRsa ? second : y;
    }

    public int Kty { get; }

    /// <summary>The key's <c>alg</c>, or null when the key does not name one.</summary>
    public int? Alg { get; }

    private int? Crv { get; }

    private ReadOnlyMemory<byte> XOrN { get; }

    private ReadOnlyMemory<byte> YOrE { get; }

    /// <summary>Reads a COSE_Key map; null when it is not well-formed CBOR of the expected shape.</summary>
    public static CoseKey? TryRead(ReadOnlyMemory<byte> encoded)
    {
        try
        {
            var reader = new CborReader(encoded, CborConformanceMode.Strict);
            var count = reader.ReadStartMap();
            if (count is null or > MaxEntries)
            {
                return null;
            }

            int? kty = null;
            int? alg = null;
            int? crv = null;
            ReadOnlyMemory<byte> minus1 = default, minus2 = default, minus3 = default;
            for (var i = 0; i < count; i++)
            {
                var state = reader.PeekState();
                if (state is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
                {
                    // Text labels are legal COSE but carry nothing we use.
                    reader.SkipValue();
                    reader.SkipValue();
                    continue;
                }

                var label = reader.ReadInt64();
                switch (label)
                {
                    case LabelKty:
                        kty = reader.ReadInt32();
                        break;
                    case LabelAlg:
                        alg = reader.ReadInt32();
                        break;
                    case LabelCrvOrN:
                        if (reader.PeekState() == CborReaderState.ByteString)
                        {
                            minus1 = reader.ReadByteString();
                        }
                        else
                        {
                            crv = reader.ReadInt32();
                        }

                        break;
                    case LabelXOrE:
                        minus2 = reader.ReadByteString();
                        break;
                    case LabelY:
                        minus3 = reader.PeekState() == CborReaderState.ByteString ? reader.ReadByteString() : default;
                        if (minus3.IsEmpty)
                        {
                            // A boolean y is point compression, which WebAuthn does not use.
                            return null;
                        }

                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
            if (reader.BytesRemaining != 0 || kty is null)
            {
                return null;
            }

            if (kty == KtyRsa && crv is not null)
            {
                return null;
            }

            return new CoseKey(kty.Value, alg, crv, minus1.IsEmpty ? minus2 : minus1, minus2, minus3);
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks the key against its algorithm (which the caller has already found allowed) and returns its
    /// JWK, or null when the key is malformed, off its curve or too weak.
    /// </summary>
    public string? ToValidatedJwk(int alg) => alg switch
    {
        CoseAlgorithms.ES256 => Kty == KtyEc2 && Crv == CrvP256 && IsOnP256(XOrN.Span, YOrE.Span)
            ? "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Base64UrlEncoding.Encode(XOrN.Span) + "\",\"y\":\"" + Base64UrlEncoding.Encode(YOrE.Span) + "\"}"
            : null,
        CoseAlgorithms.RS256 => Kty == KtyRsa && IsAcceptableRsa(XOrN.Span, YOrE.Span, out var n, out var e)
            ? "{\"e\":\"" + Base64UrlEncoding.Encode(e) + "\",\"kty\":\"RSA\",\"n\":\"" + Base64UrlEncoding.Encode(n) + "\"}"
            : null,
        _ => null,
    };

    /// <summary>
    /// The RFC 7638 thumbprint of a JWK built by <see cref="ToValidatedJwk"/>, which already holds exactly
    /// the required members in lexicographic order with no whitespace.
    /// </summary>
    /// <remarks>
    /// NOTE: base64url without padding, as RFC 7638 §3.1 shows it; Beyond Identity's example keeps a
    /// trailing <c>=</c>, which RFC 7515's base64url encoding never produces.
    /// </remarks>
    public static string Thumbprint(string jwkJson)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(jwkJson), hash);
        return Base64UrlEncoding.Encode(hash);
    }

    private static bool IsOnP256(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (x.Length != P256CoordinateLength || y.Length != P256CoordinateLength)
        {
            return false;
        }

        var bx = new BigInteger(x, isUnsigned: true, isBigEndian: true);
        var by = new BigInteger(y, isUnsigned: true, isBigEndian: true);
        if (bx >= P256Prime || by >= P256Prime)
        {
            return false;
        }

        var left = BigInteger.ModPow(by, 2, P256Prime);
        var right = (BigInteger.ModPow(bx, 3, P256Prime) - (3 * bx) + P256B) % P256Prime;
        if (right.Sign < 0)
        {
            right += P256Prime;
        }

        return left == right;
    }

    private static bool IsAcceptableRsa(ReadOnlySpan<byte> modulus, ReadOnlySpan<byte> exponent, out ReadOnlySpan<byte> n, out ReadOnlySpan<byte> e)
    {
        // JWK's Base64urlUInt is the minimal big-endian form: no leading zero octets (RFC 7518 §2).
        n = modulus.TrimStart((byte)0);
        e = exponent.TrimStart((byte)0);
        if (n.IsEmpty || e.IsEmpty || e.Length > 8)
        {
            return false;
        }

        var bits = ((n.Length - 1) * 8) + (32 - BitOperations.LeadingZeroCount((uint)n[0]));
        if (bits is < MinRsaModulusBits or > MaxRsaModulusBits || (n[^1] & 1) == 0)
        {
            return false;
        }

        // An even or tiny public exponent (e = 1 makes "signatures" trivial) is never a real RSA key.
        var eValue = new BigInteger(e, isUnsigned: true, isBigEndian: true);
        return (e[^1] & 1) == 1 && eValue >= 3;
    }
}
