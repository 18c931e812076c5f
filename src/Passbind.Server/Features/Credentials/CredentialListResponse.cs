namespace Passbind.Server.Features.Credentials;

internal sealed record CredentialListResponse(IReadOnlyList<CredentialResponse> Credentials, int TotalSize, string? NextPageToken);
