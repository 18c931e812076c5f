using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> builder)
    {
        builder.ToTable("credentials");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.CredentialId).HasMaxLength(1023);
        builder.Property(c => c.AttestationFormat).HasMaxLength(32);
        builder.Property(c => c.KeyType).HasMaxLength(16);
        builder.Property(c => c.State).HasMaxLength(16);
        builder.Property(c => c.JwkThumbprint).HasMaxLength(64);
        builder.Property(c => c.Transports).HasMaxLength(256);
        builder.Property(c => c.BindingJobId).HasMaxLength(64);
        builder.HasOne<Identity>().WithMany().HasForeignKey(c => c.IdentityId).OnDelete(DeleteBehavior.Cascade);

        // WebAuthn L3 §7.1 step 26: a credential id is registered to at most one user, in any tenant.
        builder.HasIndex(c => c.CredentialId).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.RealmId, c.IdentityId, c.Id });
    }
}
