using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Text.Json;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>
/// Each config's trusted origins and authentication methods, parsed once rather than on every ceremony call. An
/// entry is used only while the config's stored JSON is still the text it was parsed from (an ordinal comparison of
/// two short strings, much cheaper than parsing), so an update, from any node, is seen by the next call whatever
/// its timestamp. At most <see cref="Capacity"/> configs are kept; past that the cache starts again.
/// </summary>
internal sealed class ParsedConfigs
{
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, (string Origins, string Methods, ParsedConfig Parsed)> _entries = new(StringComparer.Ordinal);

    /// <summary>How many configs are held now.</summary>
    public int Count => _entries.Count;

    public ParsedConfig For(AuthenticatorConfig config)
    {
        if (_entries.TryGetValue(config.Id, out var entry)
            && string.Equals(entry.Origins, config.TrustedOriginsJson, StringComparison.Ordinal)
            && string.Equals(entry.Methods, config.AuthenticationMethodsJson, StringComparison.Ordinal))
        {
            return entry.Parsed;
        }

        var parsed = new ParsedConfig(Parse(config.TrustedOriginsJson), Parse(config.AuthenticationMethodsJson));
        if (_entries.Count >= Capacity && !_entries.ContainsKey(config.Id))
        {
            _entries.Clear();
        }

        _entries[config.Id] = (config.TrustedOriginsJson, config.AuthenticationMethodsJson, parsed);
        return parsed;
    }

    private static ReadOnlyCollection<string> Parse(string json) => Array.AsReadOnly(JsonSerializer.Deserialize<string[]>(json) ?? []);
}
