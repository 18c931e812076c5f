using System.Diagnostics.CodeAnalysis;

namespace Passbind.Core.WebAuthn;

/// <summary>The outcome of <see cref="RegistrationVerifier.VerifyAsync(ExpectedRegistration, ReadOnlyMemory{byte}, CancellationToken)"/>: a registration or a failure, never both.</summary>
public sealed class RegistrationResult
{
    private RegistrationResult(VerifiedRegistration? registration, RegistrationFailure? failure)
    {
        Registration = registration;
        Failure = failure;
    }

    public VerifiedRegistration? Registration { get; }

    public RegistrationFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Registration))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Registration is not null;

    public static RegistrationResult Success(VerifiedRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new RegistrationResult(registration, null);
    }

    public static RegistrationResult Fail(RegistrationFailureReason reason, string field) =>
        new(null, new RegistrationFailure(reason, field));
}
