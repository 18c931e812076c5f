namespace Passbind.Core.WebAuthn;

/// <summary>
/// A refused registration response. <see cref="Field"/> names the RegistrationResponseJSON member at fault
/// (for example <c>response.clientDataJSON</c>) so the server can name it in <c>details</c>; it never
/// carries the value.
/// </summary>
public sealed record RegistrationFailure(RegistrationFailureReason Reason, string Field)
{
    /// <summary>The reason's wire code.</summary>
    public string Code => Reason.ToCode();
}
