using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class IdentityConfiguration : IEntityTypeConfiguration<Identity>
{
    public void Configure(EntityTypeBuilder<Identity> builder)
    {
        builder.ToTable("identities");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(64);
        builder.Property(i => i.DisplayName).HasMaxLength(64);
        builder.Property(i => i.Status).HasMaxLength(16);
        builder.Property(i => i.Username).HasMaxLength(64);
        builder.Property(i => i.NormalizedUsername).HasMaxLength(256);
        builder.Property(i => i.PrimaryEmailAddress).HasMaxLength(320);
        builder.Property(i => i.ConsoleRole).HasMaxLength(32);
        builder.HasOne<Realm>().WithMany().HasForeignKey(i => i.RealmId).OnDelete(DeleteBehavior.Restrict);

        // Usernames are unique per realm, case-insensitively: the index is the rule, so concurrent
        // creates cannot both win.
        builder.HasIndex(i => new { i.RealmId, i.NormalizedUsername }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.RealmId, i.Id });

        // The console finds identities by email address (equality and prefix) without scanning the realm.
        builder.HasIndex(i => new { i.RealmId, i.PrimaryEmailAddress });
    }
}
