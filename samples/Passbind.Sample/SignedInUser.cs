namespace Passbind.Sample;

/// <summary>What <c>/api/me</c> answers: the signed-in user's claims, as the id_token carried them.</summary>
internal sealed record SignedInUser(IReadOnlyList<SignedInClaim> Claims);
