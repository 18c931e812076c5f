using Microsoft.EntityFrameworkCore;
using Passbind.Storage.Entities;

namespace Passbind.Storage;

/// <summary>The one model of Passbind's data, the same on every provider.</summary>
public sealed class PassbindDbContext(DbContextOptions<PassbindDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Realm> Realms => Set<Realm>();
    public DbSet<Identity> Identities => Set<Identity>();
    public DbSet<AuthenticatorConfig> AuthenticatorConfigs => Set<AuthenticatorConfig>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<CredentialBindingJob> CredentialBindingJobs => Set<CredentialBindingJob>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<SignInTransaction> SignInTransactions => Set<SignInTransaction>();
    public DbSet<AuthorizationCode> AuthorizationCodes => Set<AuthorizationCode>();
    public DbSet<IssuedToken> IssuedTokens => Set<IssuedToken>();
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PassbindDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored as UTC ticks on every provider: SQLite cannot compare or order DateTimeOffset
        // text, and one representation keeps expiry decisions identical across providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
