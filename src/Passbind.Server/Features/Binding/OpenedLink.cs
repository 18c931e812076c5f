using Passbind.Server.Features.Themes;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Binding;

/// <summary>A link that can still bind: its job, the job's authenticator config, the identity it binds to, and its realm's look.</summary>
internal sealed record OpenedLink(CredentialBindingJob Job, AuthenticatorConfig Config, Identity Identity, RealmLook Realm);
