using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passbind.Storage.Entities;

namespace Passbind.Storage.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(64);
        builder.Property(m => m.JobId).HasMaxLength(64);
        builder.Property(m => m.Kind).HasMaxLength(32);
        builder.Property(m => m.Recipient).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(256);
        builder.Property(m => m.MessageId).HasMaxLength(128);
        builder.Property(m => m.State).HasMaxLength(16);
        builder.Property(m => m.LeaseOwner).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(512);
        builder.Property(m => m.Transport).HasMaxLength(16);

        // A message for a job goes with it (an identity's deletion cascades to its jobs).
        builder.HasOne<CredentialBindingJob>().WithMany().HasForeignKey(m => m.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.MessageId).IsUnique();

        // The sender's query: due pending messages, oldest first.
        builder.HasIndex(m => new { m.State, m.NextAttemptTime });

        // The dev mailbox lists what it received, newest first.
        builder.HasIndex(m => new { m.Transport, m.CreateTime });
    }
}
