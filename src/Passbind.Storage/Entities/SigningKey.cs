namespace Passbind.Storage.Entities;

/// <summary>A key that signs access tokens. The private part is sealed under the server's master key.</summary>
public sealed class SigningKey
{
    public required string Id { get; init; }
    public required string Algorithm { get; init; }
    public required byte[] SealedPrivateKey { get; init; }
    public DateTimeOffset CreateTime { get; init; }
}
