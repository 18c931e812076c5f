using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Passbind.Server.Http;

/// <summary>
/// Finds the first string of a JSON body, member name or value, that is not Unicode text: a lone UTF-16
/// surrogate written as an escape (<c>"\ud800"</c>) or bytes that are not UTF-8. System.Text.Json reads such a
/// string only when a handler asks for it, deep inside a trait or a WebAuthn response, and then throws; checking
/// the whole body once, before it is bound, answers every such field alike with a 400 naming it.
/// </summary>
internal static class InvalidUnicode
{
    public const string Description = "not valid Unicode text (a lone surrogate or bytes that are not UTF-8)";

    /// <summary>
    /// The path of the first invalid string (<c>identity.traits.username</c>, <c>config.trusted_origins[1]</c>; for
    /// a member name, the object holding it, or <c>body</c> at the top), or null when every string is valid or the
    /// body is not JSON at all (the deserializer then says so).
    /// </summary>
    public static string? FindField(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return FieldAt(json[..FirstInvalidByte(json)]);
        }

        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ApiJson.MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && !IsValidEscaped(ref reader))
                {
                    return OrBody(Path(frames, includeLast: false));
                }

                Track(ref reader, frames);
                if (reader.TokenType == JsonTokenType.String && !IsValidEscaped(ref reader))
                {
                    return OrBody(Path(frames, includeLast: true));
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The field whose string holds the first byte after <paramref name="prefix"/>: the token the reader could not finish.</summary>
    private static string FieldAt(ReadOnlySpan<byte> prefix)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = ApiJson.MaxDepth + 1 }));
        try
        {
            while (reader.Read())
            {
                Track(ref reader, frames);
            }
        }
        catch (JsonException)
        {
            return "body";
        }

        if (frames.Count == 0)
        {
            return "body";
        }

        if (frames[^1].IsArray)
        {
            Advance(frames);
            return Path(frames, includeLast: true);
        }

        // After a member name the unfinished token is its value; otherwise it is the next member's name.
        return OrBody(Path(frames, includeLast: reader.TokenType == JsonTokenType.PropertyName));
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> json)
    {
        var chars = new char[json.Length];
        Utf8.ToUtf16(json, chars, out var bytesRead, out _, replaceInvalidSequences: false);
        return bytesRead;
    }

    /// <summary>An escaped string may decode to a lone surrogate; unescaped bytes were checked as UTF-8 already.</summary>
    private static bool IsValidEscaped(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return true;
        }

        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Track(ref Utf8JsonReader reader, List<Frame> frames)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                frames[^1] = frames[^1] with { Property = reader.GetString() };
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                Advance(frames);
                frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                break;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                frames.RemoveAt(frames.Count - 1);
                break;
            default:
                Advance(frames);
                break;
        }
    }

    private static string OrBody(string path) => path.Length > 0 ? path : "body";

    /// <summary>A value inside an array moves that array's index on.</summary>
    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }
    }

    private static string Path(List<Frame> frames, bool includeLast)
    {
        var path = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (!includeLast && i == frames.Count - 1)
            {
                break;
            }

            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Property is not null)
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(frame.Property);
            }
        }

        return path.ToString();
    }

    private readonly record struct Frame(bool IsArray, int Index, string? Property);
}
