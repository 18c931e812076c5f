using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class AuthenticatorConfigConfiguration : IEntityTypeConfiguration<AuthenticatorConfig>
{
    public void Configure(EntityTypeBuilder<AuthenticatorConfig> builder)
    {
        builder.ToTable("authenticator_configs");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.DisplayName).HasMaxLength(64);
        builder.Property(c => c.Type).HasMaxLength(32);
        builder.Property(c => c.InvokeUrl).HasMaxLength(2048);
        builder.Property(c => c.InvocationType).HasMaxLength(16);
        builder.Property(c => c.RpId).HasMaxLength(253);
        builder.HasOne<Realm>().WithMany().HasForeignKey(c => c.RealmId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.RealmId, c.Id });
    }
}
