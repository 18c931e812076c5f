namespace Passbind.Server.Features.Realms;

internal sealed record RealmListResponse(IReadOnlyList<RealmResponse> Realms, int TotalSize, string? NextPageToken);
