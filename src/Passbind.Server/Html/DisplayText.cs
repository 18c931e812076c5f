using System.Globalization;
using System.Text;

namespace Passbind.Server.Html;

/// <summary>Makes untrusted text (names, device kinds) fit to show: on a page, in a message, in a header.</summary>
internal static class DisplayText
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
}
