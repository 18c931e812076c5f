using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Passbind.Server.Features.Email;

namespace Passbind.Server.Tests.Email;

/// <summary>How the sender waits: woken by commits, then gathering for a window or until a batch has committed.</summary>
public sealed class OutboxSignalTests
{
    [Fact]
    public async Task Gather_FewerThanABatch_WaitsOutTheWindow()
    {
        var window = TimeSpan.FromMilliseconds(300);
        var signal = new OutboxSignal();
        signal.RoundStarting();
        signal.Notify();
        var clock = Stopwatch.StartNew();

        var gathering = signal.GatherAsync(window, batchSize: 10, CancellationToken.None);
        signal.Notify(3);
        await gathering.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(clock.Elapsed >= window - TimeSpan.FromMilliseconds(20), $"4 of 10 committed: it waited {clock.Elapsed.TotalMilliseconds} ms of the 300 ms window");
    }

    [Fact]
    public async Task Gather_ABatchCommitted_EndsBeforeTheWindow()
    {
        var signal = new OutboxSignal();
        signal.RoundStarting();

        var gathering = signal.GatherAsync(TimeSpan.FromMinutes(1), batchSize: 10, CancellationToken.None);
        signal.Notify(4);
        signal.Notify(6);

        await gathering.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(10, signal.Committed);
    }

    [Fact]
    public async Task Wait_NoCommit_FalseAfterTheTimeout_CommitBefore_True()
    {
        var signal = new OutboxSignal();
        var time = new FakeTimeProvider();

        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(1), time, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));

        signal.Notify();
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(1), time, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
