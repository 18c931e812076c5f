using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Credentials;
using Passbind.Storage;

namespace Passbind.Server.Features.Identities;

/// <summary>
/// An identity's <c>enrollment_status</c>, derived when read so it can never drift from the credentials and
/// jobs it summarises: ENROLLED (an active passkey), PENDING (a usable link), INVITE_FAILED (a link that
/// failed to send), else UNENROLLED.
/// </summary>
internal static class EnrollmentStatus
{
    public const string Enrolled = "ENROLLED";
    public const string Pending = "PENDING";
    public const string InviteFailed = "INVITE_FAILED";
    public const string Unenrolled = "UNENROLLED";

    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(
        PassbindDbContext db, IReadOnlyCollection<string> identityIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var enrolled = await db.Credentials
            .Where(c => identityIds.Contains(c.IdentityId) && c.State == CredentialStates.Active)
            .Select(c => c.IdentityId).Distinct().ToListAsync(cancellationToken);

        // The database answers which identities have a usable or a failed job, rather than sending every job
        // of every identity on the page: an identity may have been sent many links.
        var jobs = await db.CredentialBindingJobs
            .Where(j => identityIds.Contains(j.IdentityId))
            .WhereUsableOrFailed(now)
            .Select(j => new { j.IdentityId, Failed = j.State == JobStates.FailedToSend })
            .Distinct()
            .ToListAsync(cancellationToken);

        return identityIds.ToDictionary(id => id, id =>
            enrolled.Contains(id) ? Enrolled
            : jobs.Any(j => j.IdentityId == id && !j.Failed) ? Pending
            : jobs.Any(j => j.IdentityId == id && j.Failed) ? InviteFailed
            : Unenrolled);
    }
}
