using Microsoft.Extensions.Options;

namespace Passbind.Server.Features.Email;

/// <summary>
/// Runs the outbox: a round soon after a message commits (<see cref="OutboxSignal"/>), and otherwise every poll
/// interval, which also picks up retries that came due and leases left by a node that died. Woken, the sender first
/// gathers for <see cref="EmailOptions.BatchWindow"/>, or until a batch has committed, so that messages committed
/// close together share a round; a round that found a full batch is followed by the next at once.
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
                signal.RoundStarting();
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
                if (await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken) && options.Value.BatchWindow > TimeSpan.Zero)
                {
                    await signal.GatherAsync(options.Value.BatchWindow, options.Value.BatchSize, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
