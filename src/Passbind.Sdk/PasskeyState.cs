using System.Text.Json.Serialization;

namespace Passbind.Sdk;

/// <summary>The state of a <see cref="Passkey"/>, as in the Embedded SDK's <c>Passkey.state</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PasskeyState>))]
public enum PasskeyState
{
    /// <summary>The server sent a state this SDK does not know, or none. This is the default.</summary>
    Unknown = 0,

    /// <summary>The credential is active.</summary>
    Active,

    /// <summary>The credential was deleted from the device.</summary>
    DeviceDeleted,

    /// <summary>The credential is invalid.</summary>
    Invalid,

    /// <summary>The credential was revoked.</summary>
    Revoked,

    /// <summary>The identity was deleted.</summary>
    UserDeleted,

    /// <summary>The identity was suspended.</summary>
    UserSuspended,
}
