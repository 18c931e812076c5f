using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.ToTable("themes");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.EmailRealmName).HasMaxLength(64);
        builder.Property(t => t.LogoUrlLight).HasMaxLength(2048);
        builder.Property(t => t.LogoUrlDark).HasMaxLength(2048);
        builder.Property(t => t.SupportUrl).HasMaxLength(2048);
        builder.Property(t => t.ButtonColor).HasMaxLength(16);
        builder.Property(t => t.ButtonTextColor).HasMaxLength(16);
        builder.HasOne<Realm>().WithMany().HasForeignKey(t => t.RealmId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.RealmId).IsUnique();
    }
}
