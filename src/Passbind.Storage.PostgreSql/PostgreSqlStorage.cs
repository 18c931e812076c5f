using Microsoft.EntityFrameworkCore;

namespace Passbind.Storage.PostgreSql;

public static class PostgreSqlStorage
{
    public static DbContextOptionsBuilder UsePassbindPostgreSql(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlStorage).Assembly.GetName().Name))
            // Generated from the model (docs/storage.md), so that a start does not build it from the configurations.
            .UseModel(CompiledModel.PassbindDbContextModel.Instance);
}
