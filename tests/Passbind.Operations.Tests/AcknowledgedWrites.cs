using System.Data.Common;

namespace Passbind.Operations.Tests;

/// <summary>Checks a database against what a <see cref="LoadGenerator"/> was told: every acknowledged write is there, whole.</summary>
public static class AcknowledgedWrites
{
    public static async Task AssertAllStoredAsync(DbConnection connection, LoadGenerator load)
    {
        var identities = (await StorageSql.ListAsync(connection, "SELECT \"Id\" FROM identities")).ToHashSet();
        var jobs = (await StorageSql.ListAsync(connection, "SELECT \"Id\" FROM credential_binding_jobs")).ToHashSet();
        var completed = (await StorageSql.ListAsync(connection, "SELECT \"Id\" || ':' || \"CredentialId\" FROM credential_binding_jobs WHERE \"State\" = 'COMPLETE'")).ToHashSet();
        var credentials = (await StorageSql.ListAsync(connection, "SELECT \"Id\" FROM credentials WHERE \"State\" = 'ACTIVE'")).ToHashSet();
        foreach (var ack in load.Acknowledged)
        {
            Assert.True(identities.Contains(ack.IdentityId), $"identity {ack.IdentityId} was acknowledged by {ack.Node} at {ack.At} but is not stored");
            if (ack.JobId is not null)
            {
                Assert.True(jobs.Contains(ack.JobId), $"job {ack.JobId} was acknowledged by {ack.Node} at {ack.At} but is not stored");
            }

            if (ack.CredentialId is not null)
            {
                Assert.True(credentials.Contains(ack.CredentialId), $"passkey {ack.CredentialId} was acknowledged by {ack.Node} at {ack.At} but is not stored");
                Assert.True(completed.Contains($"{ack.JobId}:{ack.CredentialId}"), $"job {ack.JobId} of passkey {ack.CredentialId} is not COMPLETE with it");
            }
        }

        Assert.Equal(0, await StorageSql.CountAsync(connection, Invariants.CredentialWithoutCompletedJob));
        Assert.Equal(0, await StorageSql.CountAsync(connection, Invariants.CompletedJobWithoutCredential));
    }

    /// <summary>Waits until no outbox message is pending, then answers every message's Message-ID.</summary>
    public static async Task<List<string>> WaitForOutboxDrainedAsync(Func<Task<DbConnection>> open, TimeSpan bound)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (true)
        {
            await using var connection = await open();
            var pending = await StorageSql.CountAsync(connection, "SELECT COUNT(*) FROM outbox_messages WHERE \"State\" <> 'sent'");
            if (pending == 0)
            {
                return await StorageSql.ListAsync(connection, "SELECT \"MessageId\" FROM outbox_messages");
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{pending} outbox message(s) still not sent after {bound}");
            await Task.Delay(250);
        }
    }
}
