using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens.Grants;

/// <summary>A token request after client authentication: the client's application (tracked) and the form.</summary>
internal sealed record GrantRequest(Application Application, IFormCollection Form);
