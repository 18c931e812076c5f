using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class SignInTransactionConfiguration : IEntityTypeConfiguration<SignInTransaction>
{
    public void Configure(EntityTypeBuilder<SignInTransaction> builder)
    {
        builder.ToTable("sign_in_transactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.ApplicationId).HasMaxLength(64);
        builder.Property(t => t.AuthenticatorConfigId).HasMaxLength(64);
        builder.Property(t => t.RedirectUri).HasMaxLength(2048);
        builder.Property(t => t.State).HasMaxLength(1024);
        builder.Property(t => t.Nonce).HasMaxLength(1024);
        builder.Property(t => t.Scope).HasMaxLength(1024);
        builder.Property(t => t.CodeChallenge).HasMaxLength(128);
        builder.Property(t => t.CodeChallengeMethod).HasMaxLength(8);
        builder.Property(t => t.ClientIp).HasMaxLength(64);
        builder.Property(t => t.UserAgent).HasMaxLength(512);
        builder.Property(t => t.Referer).HasMaxLength(2048);
        builder.Property(t => t.OtpHash).HasMaxLength(32);
        builder.Property(t => t.OtpIdentityId).HasMaxLength(64);
        builder.HasOne<Application>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ExpireTime);
    }
}
