using Passbind.Client;

namespace Passbind.Sample;

/// <summary>An error as the sample's API answers it: the server's own <c>{code, message, details}</c>.</summary>
internal sealed record ErrorAnswer(string Code, string Message, IReadOnlyList<PassbindErrorDetail> Details);
