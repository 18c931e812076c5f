using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class IssuedTokenConfiguration : IEntityTypeConfiguration<IssuedToken>
{
    public void Configure(EntityTypeBuilder<IssuedToken> builder)
    {
        builder.ToTable("issued_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.ApplicationId).HasMaxLength(64);
        builder.Property(t => t.Kind).HasMaxLength(16);
        builder.Property(t => t.Subject).HasMaxLength(320);
        builder.Property(t => t.IdentityId).HasMaxLength(64);
        builder.Property(t => t.GrantId).HasMaxLength(64);
        builder.Property(t => t.Scope).HasMaxLength(4096);
        builder.Property(t => t.TokenHash).HasMaxLength(32);
        builder.Property(t => t.ReplacedById).HasMaxLength(64);
        builder.HasOne<Application>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.GrantId);
        builder.HasIndex(t => new { t.ApplicationId, t.RevokeTime });
        builder.HasIndex(t => t.ExpireTime);
    }
}
