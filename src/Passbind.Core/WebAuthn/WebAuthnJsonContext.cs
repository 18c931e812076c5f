using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>Source-generated JSON metadata for the WebAuthn wire records.</summary>
[JsonSerializable(typeof(PublicKeyCredentialCreationOptionsJson))]
[JsonSerializable(typeof(PublicKeyCredentialRequestOptionsJson))]
public sealed partial class WebAuthnJsonContext : JsonSerializerContext;
