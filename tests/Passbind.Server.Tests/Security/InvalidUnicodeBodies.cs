using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// The invalid-Unicode class of malformed strings, and bodies that carry one in a given field: lone UTF-16 surrogates
/// written as JSON escapes, and bytes that are not UTF-8 (a truncated sequence, an encoded surrogate, an overlong
/// form, a byte UTF-8 never uses).
/// </summary>
internal static class InvalidUnicodeBodies
{
    private const string Marker = "\u0001marker\u0001";

    /// <summary>Each member of the class as the bytes of a JSON string literal, quotes included.</summary>
    public static readonly IReadOnlyList<(string Name, byte[] Literal)> Strings =
    [
        ("lone high surrogate", Escaped("\"\\ud800\"")),
        ("lone low surrogate", Escaped("\"\\udfff\"")),
        ("surrogate inside text", Escaped("\"ab\\udc00cd\"")),
        ("two high surrogates", Escaped("\"\\ud800\\ud800\"")),
        ("high surrogate then letter", Escaped("\"\\ud83dx\"")),
        ("truncated UTF-8", [(byte)'"', (byte)'a', 0xC3, (byte)'"']),
        ("UTF-8 encoded surrogate", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']),
        ("overlong UTF-8", [(byte)'"', 0xC0, 0xAF, (byte)'"']),
        ("byte 0xFF", [(byte)'"', (byte)'x', 0xFF, (byte)'"']),
    ];

    /// <summary>Every string value of <paramref name="template"/> with its path in the API's field notation (<c>a.b[0].c</c>).</summary>
    public static IReadOnlyList<string> StringFields(JsonNode template)
    {
        var fields = new List<string>();
        Walk(template, string.Empty, fields);
        return fields;
    }

    /// <summary>The bytes of <paramref name="template"/> with the string at <paramref name="field"/> replaced by <paramref name="literal"/>.</summary>
    public static byte[] WithString(JsonNode template, string field, byte[] literal)
    {
        var copy = template.DeepClone();
        var (parent, key) = Locate(copy, field);
        if (parent is JsonArray array)
        {
            array[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = Marker;
        }
        else
        {
            parent[key] = Marker;
        }

        return Splice(copy.ToJsonString(), JsonSerializer.Serialize(Marker), literal);
    }

    /// <summary>The bytes of <paramref name="template"/> with a member named <paramref name="literal"/> added to the object at <paramref name="field"/> (the top when empty).</summary>
    public static byte[] WithMemberName(JsonNode template, string field, byte[] literal)
    {
        var copy = template.DeepClone();
        var target = field.Length == 0 ? copy.AsObject() : Resolve(copy, field).AsObject();
        target[Marker] = "x";
        return Splice(copy.ToJsonString(), JsonSerializer.Serialize(Marker), literal);
    }

    public static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The base64url of a clientDataJSON-like object whose member <paramref name="member"/> holds <paramref name="literal"/>.</summary>
    public static string Base64UrlOf(JsonObject json, string member, byte[] literal) =>
        System.Buffers.Text.Base64Url.EncodeToString(WithString(json, member, literal));

    private static void Walk(JsonNode? node, string path, List<string> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", fields);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", fields);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                fields.Add(path);
                break;
        }
    }

    private static (JsonNode Parent, string Key) Locate(JsonNode root, string field)
    {
        if (field.EndsWith(']'))
        {
            var open = field.LastIndexOf('[');
            return (Resolve(root, field[..open]), field[(open + 1)..^1]);
        }

        var dot = field.LastIndexOf('.');
        return dot < 0 ? (root, field) : (Resolve(root, field[..dot]), field[(dot + 1)..]);
    }

    private static JsonNode Resolve(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part.StartsWith('[')
                ? node.AsArray()[int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)]!
                : node.AsObject()[part]!;
        }

        return node;
    }

    private static byte[] Splice(string json, string marker, byte[] literal)
    {
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. literal, .. Encoding.UTF8.GetBytes(json[(at + marker.Length)..])];
    }

    private static byte[] Escaped(string literal) => Encoding.ASCII.GetBytes(literal);
}
