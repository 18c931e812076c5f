using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Passbind.Sdk.Links;

namespace Passbind.Sdk.Protocol;

/// <summary>
/// The calls of the binding protocol (binding-protocol.md §2, §3) and of the sign-in protocol (sign-in-protocol.md
/// §3–§6), with errors mapped to codes.
/// </summary>
internal sealed class ProtocolClient(HttpClient httpClient, DomainAllowList allowList)
{
    public async Task<PublicKeyCredentialCreationOptions> GetRegistrationOptionsAsync(
        BindingLink link, CancellationToken cancellationToken)
    {
        var response = await PostAsync(
            link.JobMethodUrl("registrationOptions"),
            new RegistrationOptionsRequest(link.Token, "subtle"),
            ProtocolJsonContext.Default.RegistrationOptionsRequest,
            ProtocolJsonContext.Default.RegistrationOptionsResponse,
            cancellationToken).ConfigureAwait(false);
        return response.PublicKey
            ?? throw new PassbindException(PassbindErrorCodes.ServerError, "The server sent no public_key.");
    }

    public Task<CompleteRegistrationResponse> CompleteRegistrationAsync(
        BindingLink link, RegistrationResponse credential, CancellationToken cancellationToken) =>
        PostAsync(
            link.JobMethodUrl("completeRegistration"),
            new CompleteRegistrationRequest(link.Token, credential),
            ProtocolJsonContext.Default.CompleteRegistrationRequest,
            ProtocolJsonContext.Default.CompleteRegistrationResponse,
            cancellationToken);

    public Task<AuthenticationContextResponse> GetAuthenticationContextAsync(
        AuthenticateLink link, CancellationToken cancellationToken) =>
        PostAsync(
            link.TransactionMethodUrl("authenticationContext"),
            new TransactionRequest(link.Request),
            ProtocolJsonContext.Default.TransactionRequest,
            ProtocolJsonContext.Default.AuthenticationContextResponse,
            cancellationToken);

    public async Task<PublicKeyCredentialRequestOptions> GetAuthenticationOptionsAsync(
        AuthenticateLink link, string credentialId, CancellationToken cancellationToken)
    {
        var response = await PostAsync(
            link.TransactionMethodUrl("authenticationOptions"),
            new AuthenticationOptionsRequest(link.Request, "subtle", credentialId),
            ProtocolJsonContext.Default.AuthenticationOptionsRequest,
            ProtocolJsonContext.Default.AuthenticationOptionsResponse,
            cancellationToken).ConfigureAwait(false);
        return response.PublicKey
            ?? throw new PassbindException(PassbindErrorCodes.ServerError, "The server sent no public_key.");
    }

    public Task<CompleteAuthenticationResponse> CompleteAuthenticationAsync(
        AuthenticateLink link, AuthenticationResponse credential, CancellationToken cancellationToken) =>
        PostAsync(
            link.TransactionMethodUrl("completeAuthentication"),
            new CompleteAuthenticationRequest(link.Request, credential),
            ProtocolJsonContext.Default.CompleteAuthenticationRequest,
            ProtocolJsonContext.Default.CompleteAuthenticationResponse,
            cancellationToken);

    public Task<AuthenticateOtpUrlResponse> AuthenticateOtpAsync(
        AuthenticateLink link, string email, CancellationToken cancellationToken) =>
        PostAsync(
            link.TransactionMethodUrl("authenticateOtp"),
            new AuthenticateOtpRequest(link.Request, email),
            ProtocolJsonContext.Default.AuthenticateOtpRequest,
            ProtocolJsonContext.Default.AuthenticateOtpUrlResponse,
            cancellationToken);

    public Task<CompleteAuthenticationResponse> RedeemOtpAsync(
        AuthenticateLink link, string otp, CancellationToken cancellationToken) =>
        PostAsync(
            link.TransactionMethodUrl("redeemOtp"),
            new RedeemOtpRequest(link.Request, otp),
            ProtocolJsonContext.Default.RedeemOtpRequest,
            ProtocolJsonContext.Default.CompleteAuthenticationResponse,
            cancellationToken);

    private async Task<TResponse> PostAsync<TRequest, TResponse>(
        Uri url,
        TRequest body,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        HttpResponseMessage response;
        try
        {
            response = await httpClient.PostAsJsonAsync(url, body, requestInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new PassbindException(
                PassbindErrorCodes.NetworkError, $"The server at {url.Host} could not be reached.", innerException: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PassbindException(
                PassbindErrorCodes.NetworkError, $"The server at {url.Host} did not answer in time.", innerException: e);
        }

        using (response)
        {
            // A handler the app injected may follow redirects; refuse an answer that came from a host not allowed.
            var answeredBy = response.RequestMessage?.RequestUri;
            if (answeredBy is not null && !allowList.IsAllowed(answeredBy))
            {
                throw new PassbindException(
                    PassbindErrorCodes.DomainNotAllowed,
                    $"The request was redirected to {answeredBy.Host}, which is not in AllowedDomains.");
            }

            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(responseInfo, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("null body");
            }
            catch (JsonException e)
            {
                throw new PassbindException(
                    PassbindErrorCodes.ServerError, "The server's answer is not the expected JSON.", status, innerException: e);
            }
            catch (HttpRequestException e)
            {
                throw new PassbindException(
                    PassbindErrorCodes.NetworkError, "The server's answer could not be read.", status, innerException: e);
            }
        }
    }

    private static async Task<PassbindException> ReadErrorAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        ErrorResponse? error = null;
        try
        {
            error = await response.Content
                .ReadFromJsonAsync(ProtocolJsonContext.Default.ErrorResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Not the {code, message, details} body: reported as server_error below.
        }
        catch (NotSupportedException)
        {
            // Not JSON at all (e.g. an HTML error page from a proxy).
        }
        catch (HttpRequestException)
        {
            // The body could not be read; the status alone is reported.
        }

        if (string.IsNullOrEmpty(error?.Code))
        {
            return new PassbindException(
                PassbindErrorCodes.ServerError, $"The server answered {status} without an error body.", status);
        }

        return new PassbindException(
            error.Code, error.Message ?? error.Code, status, ReadReason(error.Details));
    }

    private static string? ReadReason(JsonElement? details)
    {
        if (details is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        foreach (var detail in array.EnumerateArray())
        {
            if (detail.ValueKind == JsonValueKind.Object
                && detail.TryGetProperty("reason", out var reason)
                && reason.ValueKind == JsonValueKind.String)
            {
                return reason.GetString();
            }
        }

        return null;
    }
}
