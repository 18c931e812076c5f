using Microsoft.Extensions.Options;

namespace Passbind.Server.Features.Email;

/// <summary>
/// Runs the outbox: a round as soon as a message commits (<see cref="OutboxSignal"/>), and otherwise every
/// poll interval, which also picks up retries that came due and leases left by a node that died.
/// </summary>
internal sealed class OutboxSender(
    OutboxDispatcher dispatcher, OutboxSignal signal, SmtpMailTransport transport, IOptions<EmailOptions> options,
    IHostEnvironment environment, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (transport.UsesDevMailbox)
        {
            if (DevMailboxEndpoints.IsServed(environment))
            {
                Log.DevMailboxInUse(logger, DevMailboxEndpoints.Path);
            }
            else
            {
                Log.DevMailboxNotServed(logger, environment.EnvironmentName);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A database hiccup must not stop mail for good; the next round tries again.
                Log.OutboxRoundFailed(logger, exception);
            }

            if (claimed >= options.Value.BatchSize)
            {
                continue;
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
