namespace Passbind.Server.Features.Applications;

/// <summary>
/// The optional body of <c>:rotateSecret</c>: <c>grace_period</c>, in seconds, shortens how long the previous
/// secret keeps working (0 ends it at once, after a leak); it cannot lengthen the configured grace.
/// </summary>
internal sealed record RotateSecretRequest(long? GracePeriod);
