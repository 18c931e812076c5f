namespace Passbind.Sdk;

/// <summary>The application a sign-in is for.</summary>
/// <param name="Id">The application id.</param>
/// <param name="DisplayName">Its display name, or <see langword="null"/> when the server sent none.</param>
public sealed record AuthenticationApplication(string Id, string? DisplayName);
