namespace Passbind.Server.Operations;

/// <summary>The body of a ready <c>/readyz</c>.</summary>
internal sealed record ReadinessResponse(string Status);
