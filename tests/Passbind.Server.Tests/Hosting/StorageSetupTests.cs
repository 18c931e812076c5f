using Microsoft.EntityFrameworkCore;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;
using Passbind.Storage.PostgreSql;
using Passbind.Storage.Sqlite;

namespace Passbind.Server.Tests.Hosting;

/// <summary>The schema each provider's migrations build, against the model the server runs with.</summary>
public sealed class StorageSetupTests
{
    // A start on a database that has every migration skips MigrateAsync, and with it EF Core's refusal of a
    // model changed without a migration; this keeps that refusal, before any database has to start.
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public void Model_EachProvider_HasNoChangesMissingAMigration(TestDatabase database)
    {
        using var db = CreateContext(database);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes without a {database} migration: add one with dotnet ef migrations add.");
    }

    private static PassbindDbContext CreateContext(TestDatabase database)
    {
        // Neither provider connects to compare the model with its migrations.
        var options = new DbContextOptionsBuilder<PassbindDbContext>();
        if (database == TestDatabase.PostgreSql)
        {
            options.UsePassbindPostgreSql("Host=localhost;Database=unused");
        }
        else
        {
            options.UsePassbindSqlite("Data Source=:memory:");
        }

        return new PassbindDbContext(options.Options);
    }
}
