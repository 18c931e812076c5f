namespace Passbind.Server.Features.Tokens;

internal sealed record SigningKeyListResponse(IReadOnlyList<SigningKeyResponse> SigningKeys);
