using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Passbind.Storage.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PassbindDbContext>
{
    public PassbindDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PassbindDbContext>();
        options.UsePassbindPostgreSql("Host=localhost;Database=passbind_design");
        return new PassbindDbContext(options.Options);
    }
}
