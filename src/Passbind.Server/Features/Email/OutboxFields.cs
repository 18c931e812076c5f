using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Server.Features.Email;

/// <summary>
/// What a queued message is composed from when it is sent, stored as compact JSON in the outbox row instead of
/// its rendered bodies: the realm's look in email (already reduced to safe values by <see cref="EmailBranding"/>,
/// the defaults left out), the time the message states, and by kind the device of a new passkey, the binding link
/// or the one-time code (both sealed, as <see cref="SealedLinks"/> keeps them at rest).
/// </summary>
internal sealed record OutboxFields
{
    [JsonPropertyName("realm")]
    public required string RealmName { get; init; }

    [JsonPropertyName("logo")]
    public string? LogoUrl { get; init; }

    [JsonPropertyName("support")]
    public string? SupportUrl { get; init; }

    [JsonPropertyName("button")]
    public string? ButtonColor { get; init; }

    [JsonPropertyName("button_text")]
    public string? ButtonTextColor { get; init; }

    /// <summary>When the passkey was added, or when the link or code expires.</summary>
    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    /// <summary>The new passkey's device kind, as the ceremony described it (cleaned when composed).</summary>
    [JsonPropertyName("device")]
    public string? Device { get; init; }

    /// <summary>The binding link with its token sealed.</summary>
    [JsonPropertyName("link")]
    public string? Link { get; init; }

    /// <summary>The one-time code, sealed.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>The look of the message again, as safe values (what a tampered row holds is cleaned once more).</summary>
    [JsonIgnore]
    public EmailBranding Branding => EmailBranding.From(RealmName, null, LogoUrl, SupportUrl, ButtonColor, ButtonTextColor);

    public static OutboxFields For(EmailBranding branding, DateTimeOffset time) => new()
    {
        RealmName = branding.RealmName,
        LogoUrl = branding.LogoUrl,
        SupportUrl = branding.SupportUrl,
        ButtonColor = branding.ButtonColor == EmailBranding.DefaultButtonColor ? null : branding.ButtonColor,
        ButtonTextColor = branding.ButtonTextColor == EmailBranding.DefaultButtonTextColor ? null : branding.ButtonTextColor,
        Time = time,
    };

    public string ToJson() => JsonSerializer.Serialize(this, OutboxFieldsJsonContext.Default.OutboxFields);

    /// <summary>Reads stored fields; throws <see cref="FormatException"/> when they are not what <see cref="ToJson"/> writes.</summary>
    public static OutboxFields Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, OutboxFieldsJsonContext.Default.OutboxFields)
                ?? throw new FormatException("the stored message fields are empty");
        }
        catch (JsonException exception)
        {
            throw new FormatException("the stored message fields are not valid", exception);
        }
    }
}
