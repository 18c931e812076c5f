using System.Diagnostics.CodeAnalysis;

namespace Passbind.Sdk;

/// <summary>
/// The one exception type of the SDK. <see cref="Code"/> is a stable snake_case code from
/// <see cref="PassbindErrorCodes"/> or, unchanged, from the server's <c>{code, message, details}</c> error body.
/// </summary>
[SuppressMessage(
    "Design",
    "CA1032:Implement standard exception constructors",
    Justification = "Every PassbindException carries a code; a constructor without one would make a code-less error.")]
public sealed class PassbindException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    /// <param name="code">The error code, see <see cref="PassbindErrorCodes"/>.</param>
    /// <param name="message">The message: the server's, or the SDK's own.</param>
    /// <param name="statusCode">The HTTP status the server answered, or <see langword="null"/> (the default) when the error arose locally.</param>
    /// <param name="reason">The server's <c>details[0].reason</c>, or <see langword="null"/> (the default).</param>
    /// <param name="innerException">The cause, or <see langword="null"/> (the default).</param>
    public PassbindException(
        string code,
        string message,
        int? statusCode = null,
        string? reason = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The stable error code, for example <c>link_consumed</c>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status the server answered; <see langword="null"/> when the error arose on this device.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// The reason the server gave in <c>details[0].reason</c> (for <c>registration_failed</c>, the failed check);
    /// <see langword="null"/> when it gave none.
    /// </summary>
    public string? Reason { get; }
}
