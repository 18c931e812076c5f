namespace Passbind.Client;

/// <summary>The body of <c>:rotateSecret</c>: how long the previous secret keeps working, in seconds.</summary>
internal sealed record RotateSecretRequest
{
    public long? GracePeriod { get; init; }
}
