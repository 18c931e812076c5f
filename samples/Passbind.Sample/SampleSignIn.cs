namespace Passbind.Sample;

/// <summary>The Passbind application the sample signs its users in with: the OIDC handler's client id and authority.</summary>
/// <param name="ApplicationId">The application's id.</param>
/// <param name="ClientId">Its <c>protocol_config.client_id</c>.</param>
/// <param name="Issuer">Its issuer, <c>{auth_base_url}/v1/tenants/{t}/realms/{r}/applications/{app}</c> (product.md fixed point 9).</param>
internal sealed record SampleSignIn(string ApplicationId, string ClientId, Uri Issuer);
