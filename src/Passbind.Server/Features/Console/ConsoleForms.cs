using System.Text.Json;
using Passbind.Core.Validation;
using Passbind.Server.Features.Identities;

namespace Passbind.Server.Features.Console;

/// <summary>Turns the console's form fields into the management API's request bodies.</summary>
internal static class ConsoleForms
{
    /// <summary>
    /// An identity create or patch. A null field is left out (a patch keeps it); an empty email address removes it.
    /// </summary>
    public static IdentityRequest IdentityRequest(string? displayName, string? username, string? email, string? status)
    {
        var values = new Dictionary<string, JsonElement>();
        if (username is not null)
        {
            values[Traits.Username] = JsonSerializer.SerializeToElement(username.Trim());
        }

        if (email is not null)
        {
            values[Traits.PrimaryEmailAddress] = string.IsNullOrWhiteSpace(email)
                ? JsonSerializer.SerializeToElement<string?>(null)
                : JsonSerializer.SerializeToElement(email.Trim());
        }

        var traits = values.Count == 0 ? null : new TraitsFields { Type = Traits.TypeV0, Values = values };
        return new IdentityRequest(new IdentityFields(displayName?.Trim(), status, traits));
    }

    /// <summary>The non-empty lines of a text area, trimmed: one redirect URI or origin a line.</summary>
    public static IReadOnlyList<string?> Lines(string? text) =>
        (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList<string?>();

    /// <summary>A text area's lines, as the form showed them.</summary>
    public static string Lines(IEnumerable<string> values) => string.Join('\n', values);
}
