using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(64);
        builder.Property(e => e.RealmId).HasMaxLength(64);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.Outcome).HasMaxLength(16);
        builder.Property(e => e.Reason).HasMaxLength(128);
        builder.Property(e => e.ApplicationId).HasMaxLength(64);
        builder.Property(e => e.IdentityId).HasMaxLength(64);
        builder.Property(e => e.ResourceType).HasMaxLength(64);
        builder.Property(e => e.ResourceId).HasMaxLength(64);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(256);
        builder.HasIndex(e => new { e.TenantId, e.RealmId, e.Id });
        builder.HasIndex(e => e.Time);
    }
}
