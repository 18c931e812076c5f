using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.DisplayName).HasMaxLength(64);
        builder.Property(a => a.Classification).HasMaxLength(32);
        builder.Property(a => a.ClientId).HasMaxLength(64);
        builder.Property(a => a.TokenRealm).HasMaxLength(64);
        builder.Property(a => a.ProtocolType).HasMaxLength(16);
        builder.Property(a => a.Confidentiality).HasMaxLength(16);
        builder.Property(a => a.TokenEndpointAuthMethod).HasMaxLength(32);
        builder.Property(a => a.Pkce).HasMaxLength(16);
        builder.Property(a => a.SubjectField).HasMaxLength(16);
        builder.Property(a => a.TokenSigningAlgorithm).HasMaxLength(16);
        builder.Property(a => a.TokenFormat).HasMaxLength(32);
        builder.Property(a => a.AuthenticatorConfigId).HasMaxLength(64);
        builder.Property(a => a.ClientSecretHash).HasMaxLength(32);
        builder.Property(a => a.PreviousClientSecretHash).HasMaxLength(32);
        builder.HasOne<AuthenticatorConfig>().WithMany().HasForeignKey(a => a.AuthenticatorConfigId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Realm>().WithMany().HasForeignKey(a => a.RealmId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ClientId).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.RealmId, a.Id });
    }
}
