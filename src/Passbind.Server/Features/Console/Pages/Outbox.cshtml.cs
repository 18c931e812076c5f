using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Email;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages;

/// <summary>The realm's email outbox: each message's state, attempts and last error; "retry now" for failed ones.</summary>
internal sealed class OutboxModel(PassbindDbContext db, OutboxRetry retry, ILogger<OutboxModel> logger) : ConsolePageModel(db)
{
    public static readonly IReadOnlyList<string> States = [OutboxStates.Pending, OutboxStates.Sent, OutboxStates.Failed, OutboxStates.Expired, OutboxStates.Cancelled];

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    /// <summary>The number of messages in each state, for the outbox's health at a glance.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var realm = Db.OutboxMessages.AsNoTracking().Where(m => m.TenantId == TenantId && m.RealmId == Realm);
        Counts = await ConsoleOutboxHealth.CountsAsync(Db, TenantId, Realm, cancellationToken);
        var shown = string.IsNullOrEmpty(State) ? realm : realm.Where(m => m.State == State);

        // Only the columns the page shows: a message's bodies hold its link.
        Messages = await shown.OrderByDescending(m => m.CreateTime).Take(100)
            .Select(m => new OutboxMessage
            {
                Id = m.Id, TenantId = m.TenantId, RealmId = m.RealmId, JobId = m.JobId, Kind = m.Kind, Recipient = m.Recipient, Subject = m.Subject,
                HtmlBody = "", TextBody = "", MessageId = m.MessageId, State = m.State, Attempts = m.Attempts, LastError = m.LastError,
                NextAttemptTime = m.NextAttemptTime, CreateTime = m.CreateTime, SentTime = m.SentTime, Transport = m.Transport,
            })
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(string? messageId, CancellationToken cancellationToken)
    {
        var outcome = await retry.RetryAsync(Db, TenantId, Realm, messageId ?? "", cancellationToken);
        switch (outcome)
        {
            case OutboxRetryOutcome.Queued:
                Log.ConsoleEmailRetried(logger, Operator.IdentityId, messageId!);
                Notice = "The message is queued to be sent now.";
                return Redirect($"/console/realms/{Realm}/outbox{(string.IsNullOrEmpty(State) ? "" : "?state=" + Uri.EscapeDataString(State))}");
            case OutboxRetryOutcome.NotFound:
                return NotFound();
            case OutboxRetryOutcome.LinkEnded:
                Problem("The binding link in this message has expired or its job has ended: create a new link instead.");
                break;
            default:
                Problem("Only a failed message can be retried.");
                break;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
