using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class BindingChallengeConfiguration : IEntityTypeConfiguration<BindingChallenge>
{
    public void Configure(EntityTypeBuilder<BindingChallenge> builder)
    {
        builder.ToTable("binding_challenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.JobId).HasMaxLength(64);
        builder.Property(c => c.ChallengeHash).HasMaxLength(32);
        builder.Property(c => c.KeyType).HasMaxLength(16);
        builder.HasOne<CredentialBindingJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.JobId, c.ChallengeHash }).IsUnique();
        builder.HasIndex(c => c.ExpireTime);
    }
}
