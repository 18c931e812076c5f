using System.Text;

namespace Passbind.Core.Validation;

/// <summary>
/// The script of a letter, and UTS #39 §5.2's "highly restrictive" test: a string's letters come from one script,
/// or from Latin with Han and the Japanese kana, with Han and Bopomofo, or with Han and Hangul. .NET carries no
/// Unicode Script property, so a letter's script is read from the block it lies in (the table below covers the
/// scripts of living languages); digits, punctuation and combining marks (Common and Inherited) belong to none.
/// </summary>
public static class UnicodeScripts
{
    public const string Latin = "Latin";
    public const string Han = "Han";
    public const string Hiragana = "Hiragana";
    public const string Katakana = "Katakana";
    public const string Bopomofo = "Bopomofo";
    public const string Hangul = "Hangul";

    /// <summary>A letter outside every block of the table: unknown letters all count as this one script.</summary>
    public const string Unknown = "Unknown";

    private static readonly (int First, int Last, string Script)[] Blocks =
    [
        (0x0041, 0x005A, Latin), (0x0061, 0x007A, Latin), (0x00AA, 0x00AA, Latin), (0x00BA, 0x00BA, Latin),
        (0x00C0, 0x024F, Latin), (0x0250, 0x02AF, Latin), (0x1D00, 0x1DBF, Latin), (0x1E00, 0x1EFF, Latin),
        (0x2C60, 0x2C7F, Latin), (0xA720, 0xA7FF, Latin), (0xAB30, 0xAB6F, Latin), (0xFF21, 0xFF3A, Latin), (0xFF41, 0xFF5A, Latin),
        (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
        (0x0400, 0x052F, "Cyrillic"), (0x1C80, 0x1C8F, "Cyrillic"), (0x2DE0, 0x2DFF, "Cyrillic"), (0xA640, 0xA69F, "Cyrillic"),
        (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"), (0xFB1D, 0xFB4F, "Hebrew"),
        (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"), (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
        (0x0700, 0x074F, "Syriac"), (0x0780, 0x07BF, "Thaana"),
        (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"), (0x0A80, 0x0AFF, "Gujarati"),
        (0x0B00, 0x0B7F, "Oriya"), (0x0B80, 0x0BFF, "Tamil"), (0x0C00, 0x0C7F, "Telugu"), (0x0C80, 0x0CFF, "Kannada"),
        (0x0D00, 0x0D7F, "Malayalam"), (0x0D80, 0x0DFF, "Sinhala"), (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"),
        (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"), (0x10A0, 0x10FF, "Georgian"), (0x1C90, 0x1CBF, "Georgian"),
        (0x1100, 0x11FF, Hangul), (0x3130, 0x318F, Hangul), (0xA960, 0xA97F, Hangul), (0xAC00, 0xD7AF, Hangul), (0xD7B0, 0xD7FF, Hangul),
        (0x1200, 0x139F, "Ethiopic"), (0x13A0, 0x13FF, "Cherokee"), (0x1400, 0x167F, "Canadian Aboriginal"),
        (0x1780, 0x17FF, "Khmer"), (0x1800, 0x18AF, "Mongolian"),
        (0x3040, 0x309F, Hiragana), (0x30A0, 0x30FF, Katakana), (0x31F0, 0x31FF, Katakana), (0xFF66, 0xFF9F, Katakana),
        (0x3100, 0x312F, Bopomofo), (0x31A0, 0x31BF, Bopomofo),
        (0x2E80, 0x2FDF, Han), (0x3005, 0x3007, Han), (0x3400, 0x4DBF, Han), (0x4E00, 0x9FFF, Han), (0xF900, 0xFAFF, Han), (0x20000, 0x3FFFF, Han),
    ];

    private static readonly string[][] AllowedCombinations =
    [
        [Latin, Han, Hiragana, Katakana],
        [Latin, Han, Bopomofo],
        [Latin, Han, Hangul],
    ];

    /// <summary>The script of <paramref name="rune"/> when it is a letter; null for anything else.</summary>
    public static string? ScriptOf(Rune rune)
    {
        if (!Rune.IsLetter(rune))
        {
            return null;
        }

        foreach (var (first, last, script) in Blocks)
        {
            if (rune.Value >= first && rune.Value <= last)
            {
                return script;
            }
        }

        return Unknown;
    }

    /// <summary>The scripts of the letters of <paramref name="value"/>.</summary>
    public static IReadOnlySet<string> ScriptsOf(string value)
    {
        var scripts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rune in value.EnumerateRunes())
        {
            if (ScriptOf(rune) is { } script)
            {
                scripts.Add(script);
            }
        }

        return scripts;
    }

    /// <summary>True when the letters of <paramref name="value"/> are of one script or of an allowed combination.</summary>
    public static bool IsHighlyRestrictive(string value)
    {
        var scripts = ScriptsOf(value);
        return scripts.Count <= 1 || AllowedCombinations.Any(allowed => scripts.All(s => allowed.Contains(s, StringComparer.Ordinal)));
    }
}
