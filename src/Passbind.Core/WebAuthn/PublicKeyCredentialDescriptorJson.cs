using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>WebAuthn <c>PublicKeyCredentialDescriptorJSON</c>, used in <c>excludeCredentials</c> and <c>allowCredentials</c>.</summary>
/// <param name="Type">Always <c>public-key</c>.</param>
/// <param name="Id">The credential id, written as base64url.</param>
public sealed record PublicKeyCredentialDescriptorJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id"), JsonConverter(typeof(Base64UrlJsonConverter))] byte[] Id)
{
    private const string PublicKeyType = "public-key";

    /// <summary>One <c>public-key</c> descriptor per credential id, in the given order.</summary>
    internal static PublicKeyCredentialDescriptorJson[] ListOf(IReadOnlyCollection<ReadOnlyMemory<byte>> credentialIds)
    {
        var descriptors = new PublicKeyCredentialDescriptorJson[credentialIds.Count];
        var i = 0;
        foreach (var id in credentialIds)
        {
            descriptors[i++] = new PublicKeyCredentialDescriptorJson(PublicKeyType, id.ToArray());
        }

        return descriptors;
    }
}
