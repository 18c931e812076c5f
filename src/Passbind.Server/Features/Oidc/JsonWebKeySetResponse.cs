namespace Passbind.Server.Features.Oidc;

internal sealed record JsonWebKeySetResponse(IReadOnlyList<JsonWebKeyResponse> Keys);
