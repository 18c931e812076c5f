namespace Passbind.Server.Features.SignIn;

/// <summary>The application a sign-in is for, as the context names it.</summary>
internal sealed record ContextApplication(string Id, string DisplayName);
