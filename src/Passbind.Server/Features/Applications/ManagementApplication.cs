using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Passbind.Core.Identifiers;
using Passbind.Server.Authorization;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Applications;

/// <summary>The tenant's managed client-credentials application that calls the management API.</summary>
internal static class ManagementApplication
{
    public const string Classification = "management_api";

    public static Application Create(
        string tenantId, string realmId, string displayName, string clientId, string clientSecret, string tokenRealm, TimeSpan tokenLifetime, DateTimeOffset now) =>
        new()
        {
            Id = ResourceId.NewUuid(),
            TenantId = tenantId,
            RealmId = realmId,
            DisplayName = displayName,
            IsManaged = true,
            Classification = Classification,
            ProtocolType = ApplicationValues.ProtocolOAuth2,
            Confidentiality = ApplicationValues.Confidential,
            TokenEndpointAuthMethod = ApplicationValues.ClientSecretBasic,
            GrantTypesJson = JsonSerializer.Serialize(new[] { ApplicationValues.ClientCredentialsGrant }),
            RedirectUrisJson = "[]",
            Pkce = ApplicationValues.PkceDisabled,
            SubjectField = ApplicationValues.SubjectId,
            TokenSigningAlgorithm = ApplicationValues.Rs256,
            TokenFormat = ApplicationValues.SelfContained,
            ClientId = clientId,
            ClientSecretHash = SHA256.HashData(Encoding.UTF8.GetBytes(clientSecret)),
            AllowedScopes = string.Join(' ', Scopes.All),
            TokenRealm = tokenRealm,
            TokenLifetimeSeconds = (int)tokenLifetime.TotalSeconds,
            CreateTime = now,
            UpdateTime = now,
        };
}
