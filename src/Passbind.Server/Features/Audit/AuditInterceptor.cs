using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Audit;

/// <summary>
/// Adds a request's <see cref="PendingAudit"/> to the first save that changes an audited resource, so the event and
/// the change commit in one transaction (catalogue #64) and cost no commit of their own.
/// </summary>
internal sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Add(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Add(DbContext? context)
    {
        if (context is not PassbindDbContext db || http.HttpContext?.Features.Get<PendingAudit>() is not { Written: false } pending)
        {
            return;
        }

        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is IStoredResource)
            .Select(e => (Entry: e, Resource: AuditTrail.ResourceName(e.Entity.GetType())))
            .ToList();
        var (entry, resource) = changed.FirstOrDefault(c => c.Resource == pending.Resource);
        if (entry is null)
        {
            return;
        }

        var action = entry.State switch
        {
            EntityState.Added => "created",
            EntityState.Deleted => "deleted",
            _ => "updated",
        };
        var identityId = entry.Entity switch
        {
            Identity identity => identity.Id,
            Credential credential => credential.IdentityId,
            CredentialBindingJob job => job.IdentityId,
            _ => null,
        };
        db.AuditEvents.Add(AuditTrail.Event(pending, pending.Type ?? $"{resource}.{action}", AuditOutcomes.Success, null, resource,
            ((IStoredResource)entry.Entity).Id, identityId, time.GetUtcNow()));
        pending.Written = true;
    }
}
