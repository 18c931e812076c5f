namespace Passbind.Server.Features.Binding;

/// <summary>The route values that name a link's job.</summary>
internal sealed record LinkAddress(string TenantId, string RealmId, string IdentityId, string JobId);
