using Passbind.Server.Features.Themes;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Binding;

/// <summary>What a link's row says before it is checked: the config is null once deleted.</summary>
internal sealed record FoundLink(CredentialBindingJob Job, AuthenticatorConfig? Config, Identity Identity, RealmLook Realm);
