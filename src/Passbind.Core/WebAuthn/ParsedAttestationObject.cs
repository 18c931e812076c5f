using System.Formats.Cbor;

namespace Passbind.Core.WebAuthn;

/// <summary>The attestation object (WebAuthn §6.5): one definite-length CBOR map of fmt, attStmt and authData, and nothing after it.</summary>
internal sealed class ParsedAttestationObject
{
    private const int MaxEntries = 8;
    private const int MaxFormatLength = 32;

    private ParsedAttestationObject(string format, bool attestationStatementIsEmpty, ReadOnlyMemory<byte> authData)
    {
        Format = format;
        AttestationStatementIsEmpty = attestationStatementIsEmpty;
        AuthData = authData;
    }

    public string Format { get; }

    public bool AttestationStatementIsEmpty { get; }

    public ReadOnlyMemory<byte> AuthData { get; }

    /// <summary>Parses <paramref name="encoded"/>; null means <see cref="RegistrationFailureReason.InvalidAttestation"/>.</summary>
    public static ParsedAttestationObject? TryParse(ReadOnlyMemory<byte> encoded)
    {
        try
        {
            // Strict mode refuses duplicate keys and invalid UTF-8; indefinite lengths are refused below.
            var reader = new CborReader(encoded, CborConformanceMode.Strict);
            if (reader.PeekState() != CborReaderState.StartMap)
            {
                return null;
            }

            var count = reader.ReadStartMap();
            if (count is null or > MaxEntries)
            {
                return null;
            }

            string? format = null;
            bool? attStmtEmpty = null;
            ReadOnlyMemory<byte>? authData = null;
            for (var i = 0; i < count; i++)
            {
                if (reader.PeekState() != CborReaderState.TextString)
                {
                    return null;
                }

                switch (reader.ReadTextString())
                {
                    case "fmt":
                        if (reader.PeekState() != CborReaderState.TextString)
                        {
                            return null;
                        }

                        format = reader.ReadTextString();
                        if (format.Length > MaxFormatLength)
                        {
                            return null;
                        }

                        break;
                    case "attStmt":
                        if (reader.PeekState() != CborReaderState.StartMap)
                        {
                            return null;
                        }

                        var statement = reader.ReadEncodedValue();
                        var statementReader = new CborReader(statement, CborConformanceMode.Strict);
                        var statementCount = statementReader.ReadStartMap();
                        if (statementCount is null)
                        {
                            return null;
                        }

                        attStmtEmpty = statementCount == 0;
                        break;
                    case "authData":
                        if (reader.PeekState() != CborReaderState.ByteString)
                        {
                            return null;
                        }

                        authData = reader.ReadByteString();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
            if (reader.BytesRemaining != 0 || format is null || attStmtEmpty is null || authData is null)
            {
                return null;
            }

            return new ParsedAttestationObject(format, attStmtEmpty.Value, authData.Value);
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
