using System.Globalization;
using System.Text;

namespace Passbind.Server.Features.Email;

/// <summary>Makes untrusted text (names, device kinds) fit for a header or a line of a message.</summary>
internal static class EmailText
{
    /// <summary>
    /// Removes control characters (CR and LF above all: no header injection) and bidirectional overrides
    /// (no spoofed subjects), collapses whitespace and cuts to <paramref name="maxLength"/> characters.
    /// </summary>
    public static string Clean(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        var lastWasSpace = false;
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || Rune.IsWhiteSpace(rune))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            if (builder.Length + rune.Utf16SequenceLength > maxLength)
            {
                break;
            }

            builder.Append(rune.ToString());
            lastWasSpace = false;
        }

        return builder.ToString().Trim();
    }

    /// <summary>True when <paramref name="value"/> could not split a header: no CR, no LF, no other control character.</summary>
    public static bool IsHeaderSafe(string value) => !value.Any(char.IsControl);

    /// <summary>A time as the messages state it: <c>Tuesday 1 December 2026, 14:05 UTC</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
