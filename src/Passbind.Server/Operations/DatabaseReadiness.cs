using Passbind.Storage;

namespace Passbind.Server.Operations;

/// <summary>
/// Whether this node can serve now: it is not stopping, its database answers within <see cref="Timeout"/>, and
/// the database has exactly this binary's migrations. Asked on every <c>/readyz</c>, so a load balancer sees a
/// database outage as soon as it starts and its end as soon as it ends.
/// </summary>
internal sealed class DatabaseReadiness(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime)
{
    /// <summary>How long the database may take to answer before the node counts as not ready.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Null when ready; else why not, in words an operator can act on.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return "the server is stopping";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        SchemaStatus schema;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            schema = await SchemaStatus.ReadAsync(db, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the database did not answer within {Timeout.TotalSeconds:0} seconds";
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException or IOException)
        {
            return "the database cannot be reached";
        }

        if (schema.Unknown.Count > 0)
        {
            return $"the database has {schema.Unknown.Count} migration(s) this server does not know: a newer Passbind upgraded it";
        }

        return schema.Pending.Count > 0 ? $"the database lacks {schema.Pending.Count} migration(s)" : null;
    }
}
