namespace Passbind.Storage.Entities;

public sealed class Realm : IStoredResource
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string DisplayName { get; set; }
    public string? Classification { get; set; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
}
