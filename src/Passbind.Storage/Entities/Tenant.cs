namespace Passbind.Storage.Entities;

public sealed class Tenant : IStoredResource
{
    public required string Id { get; init; }
    public required string DisplayName { get; set; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
}
