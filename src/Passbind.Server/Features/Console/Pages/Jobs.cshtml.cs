using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.BindingJobs;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages;

/// <summary>The realm's binding jobs, newest first, filtered by state with the BindingJobs feature's own rules; revoke.</summary>
internal sealed class JobsModel(PassbindDbContext db, TimeProvider time, ILogger<BindingJobRequest> logger) : ConsolePageModel(db)
{
    public static readonly IReadOnlyList<string> States =
        [JobStates.LinkSent, JobStates.LinkOpened, JobStates.RequestDelivered, JobStates.Complete, JobStates.Expired, JobStates.FailedToSend, JobStates.Revoked];

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public IReadOnlyList<(CredentialBindingJob Job, string Username)> Jobs { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var jobs = Db.CredentialBindingJobs.AsNoTracking().Where(j => j.TenantId == TenantId && j.RealmId == Realm);
        jobs = State switch
        {
            null or "" => jobs,
            JobStates.Expired => jobs.WhereExpired(Now),
            var usable when JobStates.IsUsable(usable) => jobs.Where(j => j.State == usable).WhereUsable(Now),
            var other => jobs.Where(j => j.State == other),
        };
        Jobs = (await jobs.OrderByDescending(j => j.CreateTime).Take(100)
            .Join(Db.Identities, j => j.IdentityId, i => i.Id, (j, i) => new { Job = j, i.Username })
            .ToListAsync(cancellationToken)).Select(x => (x.Job, x.Username)).ToList();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? identityId, string? jobId, CancellationToken cancellationToken)
    {
        var result = await BindingJobEndpoints.RevokeAsync(TenantId, Realm, identityId ?? "", jobId ?? "", Db, time, logger, cancellationToken);
        if (Accept<BindingJobResponse>(result.Result) is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        Notice = "Binding link revoked.";
        return Redirect($"/console/realms/{Realm}/jobs{(string.IsNullOrEmpty(State) ? "" : "?state=" + Uri.EscapeDataString(State))}");
    }
}
