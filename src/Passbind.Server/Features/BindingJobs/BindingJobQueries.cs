using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.BindingJobs;

/// <summary>
/// The rule of a usable link, as the database applies it: a job in one of <see cref="JobStates.Usable"/> whose
/// expire time has not passed. Every query about usable, expired or pending jobs starts here.
/// </summary>
internal static class BindingJobQueries
{
    /// <summary>Jobs whose link can still bind a passkey at <paramref name="now"/>.</summary>
    public static IQueryable<CredentialBindingJob> WhereUsable(this IQueryable<CredentialBindingJob> jobs, DateTimeOffset now) =>
        jobs.Where(UsableAt(now));

    /// <summary>Jobs that were usable until their expire time passed: what the API shows as EXPIRED.</summary>
    public static IQueryable<CredentialBindingJob> WhereExpired(this IQueryable<CredentialBindingJob> jobs, DateTimeOffset now) =>
        jobs.Where(j => EF.Constant(JobStates.Usable).Contains(j.State) && j.ExpireTime <= now);

    /// <summary>Jobs that are usable at <paramref name="now"/>, or whose link failed to send: what an enrollment status weighs.</summary>
    public static IQueryable<CredentialBindingJob> WhereUsableOrFailed(this IQueryable<CredentialBindingJob> jobs, DateTimeOffset now)
    {
        var usable = UsableAt(now);
        Expression<Func<CredentialBindingJob, bool>> failed = j => j.State == JobStates.FailedToSend;
        var job = usable.Parameters[0];
        var either = Expression.OrElse(usable.Body, ReplacingExpressionVisitor.Replace(failed.Parameters[0], job, failed.Body));
        return jobs.Where(Expression.Lambda<Func<CredentialBindingJob, bool>>(either, job));
    }

    private static Expression<Func<CredentialBindingJob, bool>> UsableAt(DateTimeOffset now) =>
        j => EF.Constant(JobStates.Usable).Contains(j.State) && j.ExpireTime > now;
}
