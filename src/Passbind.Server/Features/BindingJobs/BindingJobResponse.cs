namespace Passbind.Server.Features.BindingJobs;

internal sealed record BindingJobResponse(
    string Id,
    string RealmId,
    string TenantId,
    string IdentityId,
    string DeliveryMethod,
    string State,
    string? PostBindingRedirectUri,
    string AuthenticatorConfigId,
    DateTimeOffset ExpireTime,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string? CredentialId);
