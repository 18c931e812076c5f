using System.Threading.Channels;

namespace Passbind.Server.Features.Email;

/// <summary>
/// Wakes the sender when messages have committed, so it need not wait for its next poll, and counts them, so that
/// after a wake-up the sender can gather more for a short while and send them in one round.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _committed;

    /// <summary>Messages committed since the sender last started a round.</summary>
    public long Committed => Interlocked.Read(ref _committed);

    /// <summary><paramref name="messages"/> messages have committed.</summary>
    public void Notify(int messages = 1)
    {
        Interlocked.Add(ref _committed, messages);
        _wakeups.Writer.TryWrite(true);
    }

    /// <summary>The sender starts a round: what has committed so far is in it.</summary>
    public void RoundStarting() => Interlocked.Exchange(ref _committed, 0);

    /// <summary>
    /// Waits for a wake-up or for <paramref name="timeout"/>, whichever comes first, and answers whether it was woken;
    /// throws only when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wakeups.Reader.WaitToReadAsync(linked.Token);
            _wakeups.Reader.TryRead(out _);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The time passed.
            return false;
        }
    }

    /// <summary>
    /// Waits until <paramref name="batchSize"/> messages have committed since the round before, or until
    /// <paramref name="window"/> has passed, whichever comes first. The window is a pause between rounds, not a time
    /// the product states or stores, so it runs on the machine's clock: a server whose clock a test holds still
    /// still sends.
    /// </summary>
    public async Task GatherAsync(TimeSpan window, int batchSize, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        while (Committed < batchSize)
        {
            var left = window - clock.GetElapsedTime(started);
            if (left <= TimeSpan.Zero || !await WaitAsync(left, clock, cancellationToken))
            {
                return;
            }
        }
    }
}
