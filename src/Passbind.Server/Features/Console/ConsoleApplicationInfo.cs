namespace Passbind.Server.Features.Console;

/// <summary>Where the console application lives and what it is called at the token endpoint.</summary>
internal sealed record ConsoleApplicationInfo(string TenantId, string RealmId, string ApplicationId, string ClientId, string Issuer);
