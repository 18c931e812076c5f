namespace Passbind.Storage;

/// <summary>A row addressed by a string id: what list calls page over, in id order.</summary>
public interface IStoredResource
{
    string Id { get; }
}
