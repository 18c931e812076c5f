namespace Passbind.Core.WebAuthn;

/// <summary>
/// A refused assertion. <see cref="Field"/> names the AuthenticationResponseJSON member at fault (for example
/// <c>response.signature</c>); it never carries the value.
/// </summary>
/// <param name="Reason">Why the assertion was refused.</param>
/// <param name="Field">The member at fault.</param>
public sealed record AuthenticationFailure(AuthenticationFailureReason Reason, string Field)
{
    /// <summary>The reason's wire code.</summary>
    public string Code => Reason.ToCode();
}
