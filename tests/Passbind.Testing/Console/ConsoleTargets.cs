namespace Passbind.Testing.Console;

/// <summary>The resources of one realm that the console's pages and actions are pointed at in an authorization test.</summary>
public sealed record ConsoleTargets(string RealmId, string IdentityId, string CredentialId, string ApplicationId, string AuthenticatorConfigId);
