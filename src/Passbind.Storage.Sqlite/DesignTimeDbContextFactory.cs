using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Passbind.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PassbindDbContext>
{
    public PassbindDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PassbindDbContext>();
        options.UsePassbindSqlite("Data Source=design.db");
        return new PassbindDbContext(options.Options);
    }
}
