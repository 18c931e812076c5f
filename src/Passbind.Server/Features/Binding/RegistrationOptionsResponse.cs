using Passbind.Core.WebAuthn;

namespace Passbind.Server.Features.Binding;

internal sealed record RegistrationOptionsResponse(PublicKeyCredentialCreationOptionsJson PublicKey);
