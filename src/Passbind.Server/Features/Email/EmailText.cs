using System.Globalization;

namespace Passbind.Server.Features.Email;

/// <summary>What a message's headers and lines may hold. Untrusted text is cleaned with <see cref="Html.DisplayText"/>.</summary>
internal static class EmailText
{
    /// <summary>True when <paramref name="value"/> could not split a header: no CR, no LF, no other control character.</summary>
    public static bool IsHeaderSafe(string value) => !value.Any(char.IsControl);

    /// <summary>A time as the messages state it: <c>Tuesday 1 December 2026, 14:05 UTC</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
