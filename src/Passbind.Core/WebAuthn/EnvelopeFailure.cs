namespace Passbind.Core.WebAuthn;

/// <summary>A malformed PublicKeyCredential envelope: the member at fault, and whether id and rawId disagree.</summary>
internal readonly record struct EnvelopeFailure(string Field, bool IdMismatch);
