using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;
using Passbind.Storage.PostgreSql;
using Passbind.Storage.Sqlite;

namespace Passbind.Server.Tests.Hosting;

/// <summary>
/// What each provider's migrations and compiled model were generated from is the model the entity
/// configurations build today (docs/storage.md says how to regenerate them).
/// </summary>
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

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes without a {database} migration (docs/storage.md).");
    }

    // The server runs on the compiled model, not on the entity configurations: a stale one would read and
    // write the old schema.
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    [SuppressMessage("Usage", "EF1001", Justification = "DesignTimeServicesBuilder is how dotnet ef dbcontext optimize gets the provider's code generator.")]
    public void CompiledModel_EachProvider_IsWhatDotnetEfOptimizeGeneratesToday(TestDatabase database)
    {
        using var db = CreateContext(database);
        var providerAssembly = ProviderAssembly(database);
        var services = new DesignTimeServicesBuilder(providerAssembly, providerAssembly, new OperationReporter(handler: null), []).Build(db);
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = typeof(PassbindDbContext),
            ModelNamespace = $"{providerAssembly.GetName().Name}.CompiledModel",
            Language = "C#",
        };

        var generated = services.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(db.GetService<IDesignTimeModel>().Model, options);

        var directory = Path.Combine(RepositoryRoot(), "src", providerAssembly.GetName().Name!, "CompiledModel");
        var committed = Directory.GetFiles(directory, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(committed, generated.Select(file => file.Path).Order(StringComparer.Ordinal));
        foreach (var file in generated)
        {
            Assert.True(
                Normalized(File.ReadAllText(Path.Combine(directory, file.Path))) == Normalized(file.Code),
                $"{directory}/{file.Path} is stale: regenerate the {database} compiled model (docs/storage.md).");
        }
    }

    private static PassbindDbContext CreateContext(TestDatabase database)
    {
        // Neither provider connects to compare or generate models.
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

    private static System.Reflection.Assembly ProviderAssembly(TestDatabase database) =>
        database == TestDatabase.PostgreSql ? typeof(PostgreSqlStorage).Assembly : typeof(SqliteStorage).Assembly;

    // Each generation draws a new model id, which nothing compares.
    private static string Normalized(string code) =>
        Regex.Replace(code.ReplaceLineEndings("\n"), "modelId: new Guid\\(\"[0-9a-f-]+\"\\)", "modelId: new Guid()");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Passbind.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Passbind.slnx above {AppContext.BaseDirectory}.");
    }
}
