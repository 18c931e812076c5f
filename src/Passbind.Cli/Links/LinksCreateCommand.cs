using System.CommandLine;
using Passbind.Cli.Connection;
using Passbind.Cli.Jobs;

namespace Passbind.Cli.Links;

/// <summary>
/// <c>passbind links create IDENTITY_ID [--email] [--redirect URL]</c>: a RETURN job prints its binding link alone
/// (so <c>$(passbind links create …)</c> captures it); an EMAIL job prints the job, the link having gone by mail.
/// </summary>
internal static class LinksCreateCommand
{
    public static Command Create(CliConsole console)
    {
        var identityId = new Argument<string>("identity-id") { Description = "The identity the passkey will be bound to" };
        var email = new Option<bool>("--email") { Description = "Mail the link to the identity's primary email address instead of printing it" };
        var redirect = new Option<string?>("--redirect") { Description = "post_binding_redirect_uri: where the SDK sends the user after binding", HelpName = "url" };
        var authenticatorConfig = new Option<string?>("--authenticator-config")
        {
            Description = "The authenticator config id [default: bootstrap.json's authenticator_config_id]",
            HelpName = "id",
        };
        var command = new Command("create", "Create a passkey binding link (RETURN), or mail one (EMAIL)")
        {
            identityId, email, redirect, authenticatorConfig,
        };
        var json = JsonOption.AddTo(command);
        var connection = ConnectionOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var client = connection.CreateClient(parse, console);
            var identity = parse.GetRequiredValue(identityId);
            var redirectUri = parse.GetValue(redirect);
            var configId = parse.GetValue(authenticatorConfig);
            var output = new OutputWriter(console, parse.GetValue(json));

            if (parse.GetValue(email))
            {
                var job = await ProgressDisplay.RunAsync(
                    console,
                    "Sending binding link…",
                    () => client.CredentialBindingJobs.SendEmailAsync(identity, redirectUri, configId, cancellationToken)).ConfigureAwait(false);
                JobOutput.Write(output, job);
                return ExitCodes.Ok;
            }

            var response = await ProgressDisplay.RunAsync(
                console,
                "Creating binding link…",
                () => client.CredentialBindingJobs.CreateLinkAsync(identity, redirectUri, configId, cancellationToken)).ConfigureAwait(false);
            if (output.Json)
            {
                output.WriteJson(response, CliJsonContext.Default.CreateCredentialBindingJobResponse);
            }
            else
            {
                output.WriteLine(response.CredentialBindingLink!);
                var expires = OutputWriter.Format(response.CredentialBindingJob.ExpireTime);
                await console.Error.WriteLineAsync(
                    $"Job {response.CredentialBindingJob.Id}" + (expires is null ? "." : $", expires {expires}.")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
