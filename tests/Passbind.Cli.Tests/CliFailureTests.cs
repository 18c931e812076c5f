using System.Net;
using Passbind.Client;
using Passbind.Sdk;

namespace Passbind.Cli.Tests;

public sealed class CliFailureTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, "not_found", ExitCodes.NotFound)]
    [InlineData(HttpStatusCode.BadRequest, "bad_request", ExitCodes.Refused)]
    [InlineData(HttpStatusCode.Unauthorized, "unauthorized", ExitCodes.Refused)]
    [InlineData(HttpStatusCode.Conflict, "conflict", ExitCodes.Refused)]
    [InlineData(HttpStatusCode.UnprocessableEntity, "unprocessable_entity", ExitCodes.Refused)]
    [InlineData(HttpStatusCode.InternalServerError, "internal", ExitCodes.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null, ExitCodes.Unavailable)]
    public void From_ApiError_MapsStatusToExitCodeAndKeepsServerCode(HttpStatusCode status, string? code, int exitCode)
    {
        var failure = CliFailure.From(new PassbindApiException(status, code, "Something.", []));

        Assert.Equal(exitCode, failure.ExitCode);
        Assert.Equal(code ?? $"http_{(int)status}", failure.Code);
        Assert.StartsWith($"passbind: {failure.Code}: Something.", failure.ToLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void From_ApiErrorWithFieldViolations_NamesTheFieldOnOneLine()
    {
        var details = new[]
        {
            new PassbindErrorDetail { FieldViolations = [new FieldViolation { Field = "display_name", Description = "must not be\nempty" }] },
        };

        var line = CliFailure.From(new PassbindApiException(HttpStatusCode.BadRequest, "bad_request", "Invalid.", details)).ToLine();

        Assert.Contains("display_name: must not be empty", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Theory]
    [InlineData(PassbindErrorCodes.LinkConsumed, 410, ExitCodes.BindFailed)]
    [InlineData(PassbindErrorCodes.LinkExpired, 410, ExitCodes.BindFailed)]
    [InlineData(PassbindErrorCodes.LinkRevoked, 410, ExitCodes.BindFailed)]
    [InlineData(PassbindErrorCodes.LinkNotFound, 404, ExitCodes.BindFailed)]
    [InlineData(PassbindErrorCodes.DomainNotAllowed, null, ExitCodes.BindFailed)]
    [InlineData(PassbindErrorCodes.OriginNotAllowed, 403, ExitCodes.BindFailed)]
    [InlineData(PassbindErrorCodes.InvalidUrl, null, ExitCodes.Usage)]
    [InlineData(PassbindErrorCodes.NetworkError, null, ExitCodes.Unavailable)]
    [InlineData(PassbindErrorCodes.ServerError, 502, ExitCodes.Unavailable)]
    [InlineData(PassbindErrorCodes.StoreError, null, ExitCodes.Unexpected)]
    public void From_SdkError_MapsCodeToExitCode(string code, int? status, int exitCode)
    {
        var failure = CliFailure.From(new PassbindException(code, "Failed.", status));

        Assert.Equal(exitCode, failure.ExitCode);
        Assert.Equal(code, failure.Code);
    }

    [Theory]
    [InlineData(PassbindErrorCodes.TransactionExpired, 410, ExitCodes.SignInFailed)]
    [InlineData(PassbindErrorCodes.TransactionNotFound, 404, ExitCodes.SignInFailed)]
    [InlineData(PassbindErrorCodes.AuthenticationFailed, 400, ExitCodes.SignInFailed)]
    [InlineData(PassbindErrorCodes.DomainNotAllowed, null, ExitCodes.SignInFailed)]
    [InlineData(PassbindErrorCodes.PasskeyNotFound, null, ExitCodes.NotFound)]
    [InlineData(PassbindErrorCodes.PasskeyAmbiguous, null, ExitCodes.Usage)]
    [InlineData(PassbindErrorCodes.InvalidUrl, null, ExitCodes.Usage)]
    [InlineData(PassbindErrorCodes.ServerError, 500, ExitCodes.Unavailable)]
    public void From_SdkErrorOfASignIn_MapsCeremonyFailuresToSignInFailed(string code, int? status, int exitCode)
    {
        var failure = CliFailure.From(new PassbindException(code, "Failed.", status), ceremonyFailed: ExitCodes.SignInFailed);

        Assert.Equal(exitCode, failure.ExitCode);
    }

    [Fact]
    public void From_NetworkFailure_IsUnavailable()
    {
        Assert.Equal(ExitCodes.Unavailable, CliFailure.From(new HttpRequestException("Connection refused")).ExitCode);
        Assert.Equal(ExitCodes.Unavailable, CliFailure.From(new TaskCanceledException()).ExitCode);
    }

    [Fact]
    public void From_CancellationTheUserAskedFor_IsInterrupted() =>
        Assert.Equal(ExitCodes.Cancelled, CliFailure.From(new OperationCanceledException(), cancellationRequested: true).ExitCode);

    [Fact]
    public void From_UsageException_IsUsageError() =>
        Assert.Equal(ExitCodes.Usage, CliFailure.From(new CliUsageException("No server given.")).ExitCode);
}
