namespace Passbind.Sample;

/// <summary>One claim of the signed-in user.</summary>
internal sealed record SignedInClaim(string Type, string Value);
