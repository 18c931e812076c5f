using System.Diagnostics;
using System.Net;
using Passbind.Client;

namespace Passbind.Sample;

/// <summary>
/// Makes sure the Passbind server has an embedded authenticator config for this app: invoke URL = the sample's own
/// URL (so an emailed link lands on its <c>/bind</c> page) and trusted origins = the sample's origin (so the browser
/// may call the binding endpoints from its pages). Reuses a matching one, else creates it with the management API.
/// </summary>
internal static class SampleAuthenticatorConfig
{
    public static async Task<string> EnsureAsync(
        PassbindClient client, Uri serverBaseUrl, Uri publicUrl, string origin, TimeSpan wait, ILogger logger, CancellationToken cancellationToken)
    {
        // A server started together with the sample writes bootstrap.json a moment before it listens.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await FindOrCreateAsync(client, serverBaseUrl, publicUrl, origin, logger, cancellationToken);
            }
            catch (HttpRequestException) when (waited.Elapsed < wait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static async Task<string> FindOrCreateAsync(
        PassbindClient client, Uri serverBaseUrl, Uri publicUrl, string origin, ILogger logger, CancellationToken cancellationToken)
    {
        var invokeUrl = publicUrl.ToString().TrimEnd('/');
        try
        {
            await foreach (var config in client.AuthenticatorConfigs.ListAsync(cancellationToken: cancellationToken))
            {
                if (config.Config.Type == AuthenticatorConfigTypes.Embedded
                    && string.Equals(config.Config.InvokeUrl?.TrimEnd('/'), invokeUrl, StringComparison.Ordinal)
                    && config.Config.TrustedOrigins?.Contains(origin, StringComparer.Ordinal) == true)
                {
                    Log.UsingAuthenticatorConfig(logger, config.Id, invokeUrl);
                    return config.Id;
                }
            }

            var created = await client.AuthenticatorConfigs.CreateAsync(
                new CreateAuthenticatorConfigRequest
                {
                    // Display names may not hold URL punctuation; the invoke URL tells configs apart.
                    DisplayName = $"Passbind sample on port {publicUrl.Port}",
                    Config = AuthenticatorConfigSettings.Embedded(new Uri(invokeUrl), [origin]) with
                    {
                        // The sample offers both kinds of passkey: the browser's authenticator and a software one.
                        AuthenticationMethods =
                        [
                            new AuthenticationMethod { Type = AuthenticationMethodTypes.WebAuthnPasskey },
                            new AuthenticationMethod { Type = AuthenticationMethodTypes.SoftwarePasskey },
                        ],
                    },
                },
                cancellationToken);
            Log.CreatedAuthenticatorConfig(logger, created.Id, invokeUrl);
            return created.Id;
        }
        catch (PassbindApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            throw new InvalidOperationException(
                $"The Passbind server at {serverBaseUrl} has no authenticator-config API, so the sample cannot create its own config. " +
                $"Create an embedded authenticator config with invoke_url \"{invokeUrl}\" and trusted_origins [\"{origin}\"] " +
                "(methods webauthn_passkey and software_passkey), then start the sample with --Sample:AuthenticatorConfigId=<its id>.",
                ex);
        }
    }
}
