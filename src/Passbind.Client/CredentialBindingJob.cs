namespace Passbind.Client;

/// <summary>A credential binding job: one invitation for an identity to bind a passkey, by link or by email.</summary>
public sealed record CredentialBindingJob
{
    /// <summary>The job id (<c>id</c>). Default empty.</summary>
    public string Id { get; init; } = "";

    /// <summary>The realm (<c>realm_id</c>). Default empty.</summary>
    public string RealmId { get; init; } = "";

    /// <summary>The tenant (<c>tenant_id</c>). Default empty.</summary>
    public string TenantId { get; init; } = "";

    /// <summary>The identity invited (<c>identity_id</c>). Default empty.</summary>
    public string IdentityId { get; init; } = "";

    /// <summary><see cref="DeliveryMethods.Return"/> or <see cref="DeliveryMethods.Email"/> (<c>delivery_method</c>). Default empty.</summary>
    public string DeliveryMethod { get; init; } = "";

    /// <summary>Where the job stands (<c>state</c>, see <see cref="CredentialBindingJobStates"/>). Default empty.</summary>
    public string State { get; init; } = "";

    /// <summary>Where the SDK redirects after binding (<c>post_binding_redirect_uri</c>). Default <see langword="null"/>.</summary>
    public string? PostBindingRedirectUri { get; init; }

    /// <summary>The authenticator config used (<c>authenticator_config_id</c>). Default <see langword="null"/>.</summary>
    public string? AuthenticatorConfigId { get; init; }

    /// <summary>An inline authenticator config (<c>authenticator_config</c>). Default <see langword="null"/>.</summary>
    public InlineAuthenticatorConfig? AuthenticatorConfig { get; init; }

    /// <summary>The passkey bound by this job (<c>credential_id</c>), once <see cref="CredentialBindingJobStates.Complete"/>. Default <see langword="null"/>.</summary>
    public string? CredentialId { get; init; }

    /// <summary>The batch job that created this one (<c>batch_id</c>). Default <see langword="null"/>.</summary>
    public string? BatchId { get; init; }

    /// <summary>When the link stops working (<c>expire_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>When it was created (<c>create_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When it was last changed (<c>update_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? UpdateTime { get; init; }
}
