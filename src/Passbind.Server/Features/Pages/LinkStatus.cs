namespace Passbind.Server.Features.Pages;

/// <summary>Why a binding link opened in a browser cannot go on to the app.</summary>
internal enum LinkStatus
{
    /// <summary>A passkey was already bound with it (410).</summary>
    Consumed,

    /// <summary>Its expire_time passed (410).</summary>
    Expired,

    /// <summary>Its job was revoked, or its email could not be sent (410).</summary>
    Revoked,

    /// <summary>No such job, or the token does not match it: the two look the same (404).</summary>
    NotFound,
}
