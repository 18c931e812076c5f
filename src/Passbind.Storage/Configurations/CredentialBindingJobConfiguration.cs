using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class CredentialBindingJobConfiguration : IEntityTypeConfiguration<CredentialBindingJob>
{
    public void Configure(EntityTypeBuilder<CredentialBindingJob> builder)
    {
        builder.ToTable("credential_binding_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasMaxLength(64);
        builder.Property(j => j.DeliveryMethod).HasMaxLength(16);
        builder.Property(j => j.State).HasMaxLength(32);
        builder.Property(j => j.PostBindingRedirectUri).HasMaxLength(2048);
        builder.Property(j => j.AuthenticatorConfigId).HasMaxLength(64);
        builder.Property(j => j.TokenHash).HasMaxLength(32);
        builder.Property(j => j.CredentialId).HasMaxLength(64);
        builder.HasOne<Identity>().WithMany().HasForeignKey(j => j.IdentityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.TenantId, j.RealmId, j.IdentityId, j.Id });
    }
}
