using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Passbind.Server.Operations;
using Passbind.Storage;
using Passbind.Storage.PostgreSql;
using Passbind.Storage.Sqlite;

namespace Passbind.Server.Hosting;

/// <summary>Chooses the database from <c>Passbind:Database:Provider</c> and brings its schema up to date.</summary>
internal static class StorageSetup
{
    public static IServiceCollection AddPassbindStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        var server = configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>() ?? new ServerOptions();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        DataDirectory.Prepare(server.DataDirectory);
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                var connectionString = configuration.GetConnectionString("Passbind");
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Passbind:Database:Provider is PostgreSql but ConnectionStrings:Passbind is not set.");
                }

                services.AddDbContextPool<PassbindDbContext>((provider, db) => db.UsePassbindPostgreSql(connectionString).AddInterceptors(provider.GetServices<IInterceptor>()).ConfigureWarnings(QuietExpectedFailures));
                break;
            default:
                var sqlite = configuration.GetConnectionString("Passbind") ?? SqliteStorage.ConnectionStringFor(server.DataDirectory);
                SqliteStorage.ProtectDatabaseFiles(sqlite);
                services.AddDbContextPool<PassbindDbContext>((provider, db) => db.UsePassbindSqlite(sqlite).AddInterceptors(provider.GetServices<IInterceptor>()).ConfigureWarnings(QuietExpectedFailures));
                break;
        }

        return services;
    }

    /// <summary>
    /// EF Core logs every failed command and save at error level, with the database's stack trace, before the
    /// caller sees the exception. Many are expected (a duplicate username, a credential already registered: 409s a
    /// client can cause at will), and an unexpected one still reaches the exception handler, which logs it once at
    /// error level; so EF Core's own lines go to debug.
    /// </summary>
    private static void QuietExpectedFailures(WarningsConfigurationBuilder warnings) =>
        warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug));

    /// <summary>
    /// Applies pending migrations, once, however many nodes start together.
    /// </summary>
    /// <remarks>
    /// A database that has every migration is left alone: <c>MigrateAsync</c> would still take the lock and
    /// diff the model against the migrations' snapshot, which slows every restart. Whether a model change
    /// lacks its migration is a build-time question, answered by <c>StorageSetupTests</c>.
    /// </remarks>
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var provider = db.Database.ProviderName ?? "unknown";
        if (db.Database.IsSqlite())
        {
            await SqliteStorage.EnableWriteAheadLogAsync(db, cancellationToken);
        }

        var schema = await SchemaStatus.ReadAsync(db, cancellationToken);
        schema.ThrowIfNewerThanBinary(db.Database.IsSqlite());
        if (schema.Pending.Count == 0)
        {
            Log.SchemaUpToDate(logger, provider);
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await MigrateHoldingSessionLockAsync(db, cancellationToken);
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        Log.Migrated(logger, provider);
    }

    /// <summary>
    /// On PostgreSQL, Npgsql's own migration lock lives only as long as one migration's transaction: two nodes
    /// starting together can interleave, each applying the next migration after the other's commit. A session
    /// advisory lock held across the whole run lets one node migrate while the others wait, then find nothing left.
    /// </summary>
    private static async Task MigrateHoldingSessionLockAsync(PassbindDbContext db, CancellationToken cancellationToken)
    {
        const long MigrationLockKey = 7283918;
        await CreateDatabaseIfMissingAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The lock is taken on a connection to the database itself, so a database that does not exist yet is made
    /// first, as <c>MigrateAsync</c> would make it; of several nodes starting together, one makes it and the others
    /// find it made.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(PassbindDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node made it between the check and the create.
        }
    }
}
