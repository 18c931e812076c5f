using Microsoft.EntityFrameworkCore;
using Passbind.Storage;

namespace Passbind.Server.Features.BindingJobs;

/// <summary>The binding jobs' side of <see cref="IBindingEmailDelivery"/>.</summary>
internal sealed class BindingEmailDelivery : IBindingEmailDelivery
{
    private const string Gone = "gone";

    public async Task<IReadOnlyDictionary<string, string>> FindEndedAsync(PassbindDbContext db, IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var states = await db.CredentialBindingJobs.AsNoTracking().Where(j => jobIds.Contains(j.Id))
            .ToDictionaryAsync(j => j.Id, j => j.State, cancellationToken);
        return jobIds.Distinct()
            .Select(id => (Id: id, State: states.GetValueOrDefault(id)))
            .Where(job => job.State is null || !JobStates.IsUsable(job.State))
            .ToDictionary(job => job.Id, job => job.State ?? Gone);
    }

    public Task SendFailedAsync(PassbindDbContext db, string jobId, DateTimeOffset now, CancellationToken cancellationToken) =>

        // Only a job still waiting for its link moves: a job revoked or completed meanwhile keeps its state.
        db.CredentialBindingJobs
            .Where(j => j.Id == jobId && j.State == JobStates.LinkSent)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, JobStates.FailedToSend).SetProperty(j => j.UpdateTime, now), cancellationToken);

    public async Task<bool> ResendAsync(PassbindDbContext db, string jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.CredentialBindingJobs
            .Where(j => j.Id == jobId && (j.State == JobStates.FailedToSend || j.State == JobStates.LinkSent) && j.ExpireTime > now)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, JobStates.LinkSent).SetProperty(j => j.UpdateTime, now), cancellationToken) > 0;
}
