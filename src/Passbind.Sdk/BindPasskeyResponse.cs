namespace Passbind.Sdk;

/// <summary>
/// The result of <see cref="Embedded.BindPasskeyAsync(string, CancellationToken)"/>.
/// </summary>
/// <param name="Passkey">The passkey that was created on this device and bound to the identity.</param>
/// <param name="PostBindRedirect">
/// The <c>post_binding_redirect_uri</c> given when the binding link was created, or <see langword="null"/> when
/// none was given. The app redirects the user there after a successful binding.
/// </param>
public sealed record BindPasskeyResponse(Passkey Passkey, string? PostBindRedirect);
