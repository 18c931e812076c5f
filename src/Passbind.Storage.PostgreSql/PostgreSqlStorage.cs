using Microsoft.EntityFrameworkCore;

namespace Passbind.Storage.PostgreSql;

public static class PostgreSqlStorage
{
    public static DbContextOptionsBuilder UsePassbindPostgreSql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlStorage).Assembly.GetName().Name));
}
