using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class AuthorizationCodeConfiguration : IEntityTypeConfiguration<AuthorizationCode>
{
    public void Configure(EntityTypeBuilder<AuthorizationCode> builder)
    {
        builder.ToTable("authorization_codes");
        builder.HasKey(c => c.CodeHash);
        builder.Property(c => c.CodeHash).HasMaxLength(32);
        builder.Property(c => c.ApplicationId).HasMaxLength(64);
        builder.Property(c => c.IdentityId).HasMaxLength(64);
        builder.Property(c => c.CredentialId).HasMaxLength(64);
        builder.Property(c => c.RedirectUri).HasMaxLength(2048);
        builder.Property(c => c.CodeChallenge).HasMaxLength(128);
        builder.Property(c => c.CodeChallengeMethod).HasMaxLength(8);
        builder.Property(c => c.Nonce).HasMaxLength(1024);
        builder.Property(c => c.Scope).HasMaxLength(1024);
        builder.Property(c => c.Amr).HasMaxLength(128);
        builder.Property(c => c.GrantId).HasMaxLength(64);
        builder.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ExpireTime);
    }
}
