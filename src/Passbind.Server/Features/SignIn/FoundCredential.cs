using Passbind.Storage.Entities;

namespace Passbind.Server.Features.SignIn;

/// <summary>The credential an assertion names, with its identity, before anything about either is checked.</summary>
internal sealed record FoundCredential(Credential Credential, Identity Identity);
