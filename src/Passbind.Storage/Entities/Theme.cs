namespace Passbind.Storage.Entities;

/// <summary>A realm's branding, used by emails and by the passkeys the SDKs build.</summary>
public sealed class Theme : IStoredResource
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public string? EmailRealmName { get; set; }
    public string? LogoUrlLight { get; set; }
    public string? LogoUrlDark { get; set; }
    public string? SupportUrl { get; set; }
    public string? ButtonColor { get; set; }
    public string? ButtonTextColor { get; set; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
}
