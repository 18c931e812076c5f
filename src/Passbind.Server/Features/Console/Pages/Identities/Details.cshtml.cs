using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Core.Validation;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Credentials;
using Passbind.Server.Features.Identities;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages.Identities;

/// <summary>
/// One identity: its details and status, its console role, its passkeys and binding jobs, and "send a binding link".
/// Every change goes through the management API's handler for it.
/// </summary>
internal sealed class IdentityDetailsModel(
    PassbindDbContext db,
    TimeProvider time,
    BindingLinks links,
    IBindingEmailQueue emailQueue,
    AppSchemes appSchemes,
    IOptions<BindingLinkOptions> options,
    ILoggerFactory loggers) : ConsolePageModel(db)
{
    [FromRoute(Name = "identityId")]
    public string IdentityId { get; set; } = "";

    public Identity Identity { get; private set; } = null!;

    public IReadOnlyList<Credential> Passkeys { get; private set; } = [];

    public IReadOnlyList<CredentialBindingJob> Jobs { get; private set; } = [];

    /// <summary>The delivery state of each EMAIL job's message, by job id.</summary>
    public IReadOnlyDictionary<string, OutboxMessage> Messages { get; private set; } = new Dictionary<string, OutboxMessage>();

    public IReadOnlyList<AuthenticatorConfig> AuthenticatorConfigs { get; private set; } = [];

    /// <summary>A RETURN link just made: shown once, with its QR code.</summary>
    public string? NewLink { get; private set; }

    public string? NewLinkQrSvg { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public bool IsSelf => Identity.Id == Operator.IdentityId;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEditAsync(string? displayName, string? email, CancellationToken cancellationToken)
    {
        var request = ConsoleForms.IdentityRequest(displayName, username: null, email ?? "", status: null);
        var result = await IdentityEndpoints.UpdateAsync(TenantId, Realm, IdentityId, JsonBody<IdentityRequest>.Of(request), Db, time, cancellationToken);
        return await AfterAsync(Accept<IdentityResponse>(result.Result) is not null, "Saved.", cancellationToken);
    }

    public async Task<IActionResult> OnPostStatusAsync(string? status, CancellationToken cancellationToken)
    {
        if (status == IdentityStatuses.Suspended && IdentityId == Operator.IdentityId)
        {
            Problem("You cannot suspend yourself.");
            return await AfterAsync(false, "", cancellationToken);
        }

        var request = ConsoleForms.IdentityRequest(null, null, null, status);
        var result = await IdentityEndpoints.UpdateAsync(TenantId, Realm, IdentityId, JsonBody<IdentityRequest>.Of(request), Db, time, cancellationToken);
        return await AfterAsync(Accept<IdentityResponse>(result.Result) is not null, status == IdentityStatuses.Suspended ? "Suspended." : "Reactivated.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? confirm, CancellationToken cancellationToken)
    {
        var identity = await Db.FindIdentityAsync(TenantId, Realm, IdentityId, cancellationToken);
        if (identity is null)
        {
            return NotFound();
        }

        if (IdentityId == Operator.IdentityId)
        {
            Problem("You cannot delete yourself.");
        }
        else if (!string.Equals(confirm?.Trim(), identity.Username, StringComparison.Ordinal))
        {
            Problem($"Type the username ({identity.Username}) to confirm.");
        }
        else if (Accept((await IdentityEndpoints.DeleteAsync(TenantId, Realm, IdentityId, Db, cancellationToken)).Result))
        {
            Notice = $"Deleted {identity.Username}.";
            return Redirect($"/console/realms/{Realm}/identities");
        }

        return await AfterAsync(false, "", cancellationToken);
    }

    public async Task<IActionResult> OnPostRoleAsync(string? role, CancellationToken cancellationToken)
    {
        if (IdentityId == Operator.IdentityId)
        {
            Problem("You cannot change your own role: ask another administrator.");
            return await AfterAsync(false, "", cancellationToken);
        }

        var granted = role == ConsoleRoles.Administrator ? ConsoleRoles.Administrator : null;
        var changed = await Db.Identities
            .Where(i => i.Id == IdentityId && i.TenantId == TenantId && i.RealmId == Realm)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ConsoleRole, granted).SetProperty(i => i.UpdateTime, time.GetUtcNow()), cancellationToken);
        if (changed == 0)
        {
            return NotFound();
        }

        Log.ConsoleRoleChanged(loggers.CreateLogger<IdentityDetailsModel>(), Operator.IdentityId, IdentityId, granted ?? "none");
        return await AfterAsync(true, granted is null ? "Console role taken away." : "Console administrator role given.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokePasskeyAsync(string? credentialId, CancellationToken cancellationToken)
    {
        var result = await CredentialEndpoints.RevokeAsync(TenantId, Realm, IdentityId, credentialId ?? "", Db, time, loggers.CreateLogger<CredentialResponse>(), cancellationToken);
        return await AfterAsync(Accept<CredentialResponse>(result.Result) is not null, "Passkey revoked.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeJobAsync(string? jobId, CancellationToken cancellationToken)
    {
        var result = await BindingJobEndpoints.RevokeAsync(TenantId, Realm, IdentityId, jobId ?? "", Db, time, loggers.CreateLogger<BindingJobRequest>(), cancellationToken);
        return await AfterAsync(Accept<BindingJobResponse>(result.Result) is not null, "Binding link revoked.", cancellationToken);
    }

    public async Task<IActionResult> OnPostSendLinkAsync(string? deliveryMethod, string? authenticatorConfigId, CancellationToken cancellationToken)
    {
        var request = new BindingJobRequest(new BindingJobFields(deliveryMethod, authenticatorConfigId, null, null));
        var result = await BindingJobEndpoints.CreateAsync(TenantId, Realm, IdentityId, JsonBody<BindingJobRequest>.Of(request),
            Db, links, emailQueue, appSchemes, options, time, loggers.CreateLogger<BindingJobRequest>(), cancellationToken);
        var created = Accept<CreateBindingJobResponse>(result.Result);
        if (created?.CredentialBindingLink is { } link)
        {
            // Shown in this response only: a link is a secret, so it never goes into a redirect or TempData.
            NewLink = link;
            NewLinkQrSvg = ConsoleQrCode.Svg(link);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        return await AfterAsync(created is not null, "Binding link queued for email; its delivery shows below.", cancellationToken);
    }

    /// <summary>Post, redirect, get on success; on failure the same page again with the problems.</summary>
    private async Task<IActionResult> AfterAsync(bool succeeded, string notice, CancellationToken cancellationToken)
    {
        if (succeeded)
        {
            Notice = notice;
            return Redirect($"/console/realms/{Realm}/identities/{IdentityId}");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var identity = await Db.FindIdentityAsync(TenantId, Realm, IdentityId, cancellationToken);
        if (identity is null)
        {
            return false;
        }

        Identity = identity;
        Now = time.GetUtcNow();
        Passkeys = await Db.Credentials.AsNoTracking()
            .Where(c => c.IdentityId == IdentityId && c.TenantId == TenantId && c.RealmId == Realm)
            .OrderByDescending(c => c.CreateTime).Take(100).ToListAsync(cancellationToken);
        Jobs = await Db.CredentialBindingJobs.AsNoTracking()
            .Where(j => j.IdentityId == IdentityId && j.TenantId == TenantId && j.RealmId == Realm)
            .OrderByDescending(j => j.CreateTime).Take(20).ToListAsync(cancellationToken);
        var jobIds = Jobs.Where(j => j.DeliveryMethod == DeliveryMethods.Email).Select(j => j.Id).ToList();
        Messages = (await Db.OutboxMessages.AsNoTracking().Where(m => m.JobId != null && jobIds.Contains(m.JobId)).ToListAsync(cancellationToken))
            .GroupBy(m => m.JobId!).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.CreateTime).First());
        AuthenticatorConfigs = await Db.AuthenticatorConfigs.AsNoTracking()
            .Where(c => c.TenantId == TenantId && c.RealmId == Realm).OrderBy(c => c.CreateTime).Take(50).ToListAsync(cancellationToken);
        return true;
    }
}
