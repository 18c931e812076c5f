using System.Diagnostics.CodeAnalysis;

namespace Passbind.Core.WebAuthn;

/// <summary>The outcome of <see cref="AuthenticationVerifier"/>: a verified assertion or a failure, never both.</summary>
public sealed class AuthenticationResult
{
    private AuthenticationResult(VerifiedAssertion? assertion, AuthenticationFailure? failure)
    {
        Assertion = assertion;
        Failure = failure;
    }

    /// <summary>The verified assertion, when <see cref="Succeeded"/>.</summary>
    public VerifiedAssertion? Assertion { get; }

    /// <summary>Why the assertion was refused, when not <see cref="Succeeded"/>.</summary>
    public AuthenticationFailure? Failure { get; }

    /// <summary>Whether every check passed.</summary>
    [MemberNotNullWhen(true, nameof(Assertion))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Assertion is not null;

    /// <summary>A verified assertion.</summary>
    public static AuthenticationResult Success(VerifiedAssertion assertion)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return new AuthenticationResult(assertion, null);
    }

    /// <summary>A refused assertion.</summary>
    public static AuthenticationResult Fail(AuthenticationFailureReason reason, string field) =>
        new(null, new AuthenticationFailure(reason, field));
}
