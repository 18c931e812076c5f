using System.Collections.Frozen;
using System.Text;

namespace Passbind.Core.Validation;

/// <summary>
/// Letters that look like another letter, mapped to the one they look like: the part of UTS #39's
/// confusables.txt that matters once mixed scripts are refused (<see cref="UnicodeScripts"/>), which is a username
/// written wholly in Cyrillic or Greek letters that read as a Latin one (<c>раураl</c>), and the Turkish i's.
/// .NET ships no confusables data, so this is a chosen subset, listed in docs/security.md; input is already NFKC
/// and case folded.
/// </summary>
public static class Confusables
{
    private static readonly FrozenDictionary<int, char> Map = new Dictionary<int, char>
    {
        // Turkish dotless i, and the dotted capital's lower case form where a fold leaves the dot as a mark.
        [0x0131] = 'i', [0x0130] = 'i', [0x0307] = '\0',

        // Latin letters that read as other Latin letters.
        [0x0251] = 'a', [0x0261] = 'g', [0x0269] = 'i', [0x026A] = 'i', [0x0280] = 'r', [0x028F] = 'y', [0x1D0F] = 'o', [0x1D1C] = 'u',

        // Cyrillic.
        [0x0430] = 'a', [0x0441] = 'c', [0x0501] = 'd', [0x0435] = 'e', [0x04BB] = 'h', [0x0456] = 'i', [0x0458] = 'j',
        [0x04CF] = 'l', [0x043E] = 'o', [0x0440] = 'p', [0x051B] = 'q', [0x0455] = 's', [0x051D] = 'w', [0x0445] = 'x',
        [0x0443] = 'y', [0x04AF] = 'y', [0x0475] = 'v', [0x0461] = 'w',

        // Greek.
        [0x03B1] = 'a', [0x03B3] = 'y', [0x03B9] = 'i', [0x03BA] = 'k', [0x03BD] = 'v', [0x03BF] = 'o',
        [0x03C1] = 'p', [0x03C5] = 'u', [0x03C7] = 'x', [0x03F2] = 'c', [0x03F3] = 'j', [0x03C9] = 'w',
    }.ToFrozenDictionary();

    /// <summary>
    /// <paramref name="folded"/> with every listed look-alike replaced by the letter it looks like (and the combining
    /// dot above, left by folding a dotted capital I, removed).
    /// </summary>
    public static string Skeleton(string folded)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < folded.Length; i++)
        {
            if (Map.TryGetValue(folded[i], out var replacement))
            {
                builder ??= new StringBuilder(folded, 0, i, folded.Length);
                if (replacement != '\0')
                {
                    builder.Append(replacement);
                }
            }
            else
            {
                builder?.Append(folded[i]);
            }
        }

        return builder?.ToString() ?? folded;
    }
}
