using System.Diagnostics;

namespace Passbind.Bench.Load;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each run one operation after another until the time is up
/// (or the prepared input runs out). Latency is each operation's own duration; throughput is completed
/// operations over the window from the start to the last operation's end.
/// </summary>
internal static class LoadRunner
{
    /// <summary>Runs the load; <paramref name="serverCpu"/>, when given, reads the server's CPU milliseconds at the start and the end.</summary>
    public static async Task<LoadMeasurement> RunAsync(
        int concurrency, TimeSpan duration, Func<int, CancellationToken, Task<OpOutcome>> operation, CancellationToken cancellationToken, Func<double>? serverCpu = null)
    {
        var cpuBefore = serverCpu?.Invoke() ?? 0;
        var latencies = new List<double>[concurrency];
        var errors = new long[concurrency];
        string? firstError = null;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long lastFinish = start;

        async Task WorkerAsync(int worker)
        {
            var own = latencies[worker] = new List<double>(4096);
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
            {
                var began = Stopwatch.GetTimestamp();
                OpOutcome outcome;
                try
                {
                    outcome = await operation(worker, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref firstError, exception.Message, null);
                    outcome = OpOutcome.Error;
                }

                var finished = Stopwatch.GetTimestamp();
                if (outcome == OpOutcome.Exhausted)
                {
                    break;
                }

                if (outcome == OpOutcome.Error)
                {
                    errors[worker]++;
                }
                else
                {
                    own.Add(Stopwatch.GetElapsedTime(began, finished).TotalMilliseconds);
                }

                InterlockedMax(ref lastFinish, finished);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(() => WorkerAsync(w), cancellationToken)));
        var all = latencies.SelectMany(l => l ?? []).ToArray();
        Array.Sort(all);
        var cpu = serverCpu is null ? (double?)null : serverCpu() - cpuBefore;
        return new LoadMeasurement(all.Length, errors.Sum(), Stopwatch.GetElapsedTime(start, lastFinish), all, firstError) { ServerCpuMs = cpu };
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
