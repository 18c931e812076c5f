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
        builder.HasOne<Realm>().WithMany().HasForeignKey(a => a.RealmId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ClientId).IsUnique();
    }
}
