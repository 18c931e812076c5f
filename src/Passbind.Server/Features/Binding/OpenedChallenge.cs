namespace Passbind.Server.Features.Binding;

/// <summary>A challenge this server issued for the ceremony that presents it, as <see cref="SealedChallenges.Open"/> read it.</summary>
/// <param name="Bytes">The challenge, as sent in the options; what the WebAuthn verifier compares clientDataJSON with.</param>
/// <param name="KeyType">The <see cref="KeyTypes"/> the options were asked for.</param>
/// <param name="ExpireTime">When the challenge stops working (to the millisecond).</param>
/// <param name="NamesCredential">Whether the options named one credential (sign-in's <c>credential_id</c>).</param>
internal sealed record OpenedChallenge(byte[] Bytes, string KeyType, DateTimeOffset ExpireTime, bool NamesCredential);
