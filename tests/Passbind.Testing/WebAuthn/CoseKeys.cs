using System.Formats.Cbor;
using System.Security.Cryptography;

namespace Passbind.Testing.WebAuthn;

/// <summary>Builds COSE_Key encodings, well-formed or deliberately not.</summary>
public static class CoseKeys
{
    public static byte[] Ec2(ECDsa key, int? alg = -7, int kty = 2, int crv = 1)
    {
        var p = key.ExportParameters(false);
        return Ec2(p.Q.X!, p.Q.Y!, alg, kty, crv);
    }

    public static byte[] Ec2(byte[] x, byte[] y, int? alg = -7, int kty = 2, int crv = 1)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(alg is null ? 4 : 5);
        writer.WriteInt32(1);
        writer.WriteInt32(kty);
        if (alg is not null)
        {
            writer.WriteInt32(3);
            writer.WriteInt32(alg.Value);
        }

        writer.WriteInt32(-1);
        writer.WriteInt32(crv);
        writer.WriteInt32(-2);
        writer.WriteByteString(x);
        writer.WriteInt32(-3);
        writer.WriteByteString(y);
        writer.WriteEndMap();
        return writer.Encode();
    }

    public static byte[] Rsa(RSA key, int alg = -257) => Rsa(key.ExportParameters(false).Modulus!, key.ExportParameters(false).Exponent!, alg);

    public static byte[] Rsa(byte[] n, byte[] e, int alg = -257)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(4);
        writer.WriteInt32(1);
        writer.WriteInt32(3);
        writer.WriteInt32(3);
        writer.WriteInt32(alg);
        writer.WriteInt32(-1);
        writer.WriteByteString(n);
        writer.WriteInt32(-2);
        writer.WriteByteString(e);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>An Ed25519-shaped OKP key: kty 1, the given crv, a 32-byte x.</summary>
    public static byte[] Okp(int alg, int crv)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(4);
        writer.WriteInt32(1);
        writer.WriteInt32(1);
        writer.WriteInt32(3);
        writer.WriteInt32(alg);
        writer.WriteInt32(-1);
        writer.WriteInt32(crv);
        writer.WriteInt32(-2);
        writer.WriteByteString(new byte[32]);
        writer.WriteEndMap();
        return writer.Encode();
    }
}
