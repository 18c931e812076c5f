namespace Passbind.Client;

/// <summary>The server's <c>bootstrap.json</c> (product fixed point 3).</summary>
internal sealed record BootstrapFile
{
    public string? ApiBaseUrl { get; init; }
    public string? AuthBaseUrl { get; init; }
    public string? TenantId { get; init; }
    public string? RealmId { get; init; }
    public string? AuthenticatorConfigId { get; init; }
    public string? ManagementApplicationId { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public string? ApiToken { get; init; }
}
