using Microsoft.AspNetCore.Authorization;

namespace Passbind.Server.Features.Console;

/// <summary>The signed-in identity still exists, is active, and holds the console's administrator role.</summary>
internal sealed class ConsoleAdministratorRequirement : IAuthorizationRequirement;
