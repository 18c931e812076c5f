namespace Passbind.Server.Features.Console;

/// <summary>The administrator behind a console request, as the database says now (not as the cookie said at sign-in).</summary>
internal sealed record ConsoleOperator(string IdentityId, string TenantId, string RealmId, string DisplayName, string Username);
