namespace Passbind.Storage.Entities;

public sealed class AuthenticatorConfig : IStoredResource
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public required string DisplayName { get; set; }

    /// <summary><c>embedded</c> or <c>hosted_web</c>.</summary>
    public required string Type { get; init; }

    public string? InvokeUrl { get; set; }

    /// <summary><c>automatic</c> or <c>manual</c>; embedded configs only.</summary>
    public string? InvocationType { get; set; }

    /// <summary>The exact origins allowed to run a ceremony, as a JSON array of strings.</summary>
    public required string TrustedOriginsJson { get; set; }

    /// <summary>The allowed authentication method types, as a JSON array of strings.</summary>
    public required string AuthenticationMethodsJson { get; set; }

    /// <summary>The WebAuthn RP ID its ceremonies use; the server-wide RP ID when null.</summary>
    public string? RpId { get; set; }

    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
}
