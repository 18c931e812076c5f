using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Passbind.Core.Validation;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Identities;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Features.Console;

/// <summary>
/// Imports identities from CSV (columns <c>username</c>, and optionally <c>display_name</c> and <c>email</c>, in any
/// order), each row through the management API's own create handler and, when asked, an EMAIL binding link through
/// its own binding job handler, so a row is refused for exactly the reasons the API would refuse it. A row's failure
/// never stops the rows after it. Nothing is kept between calls: the console's script sends a large file in parts.
/// </summary>
internal sealed class ConsoleIdentityImport(
    PassbindDbContext db,
    BindingLinks links,
    IBindingEmailQueue emailQueue,
    AppSchemes appSchemes,
    IOptions<BindingLinkOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    /// <summary>The most rows one request imports; the console's script sends 100 at a time.</summary>
    public const int MaxRows = 5_000;

    private static readonly string[] Columns = ["username", "display_name", "email"];

    /// <summary>Imports the rows of <paramref name="csv"/> under its header; <paramref name="firstRow"/> numbers the first of them.</summary>
    public async Task<ImportOutcome> ImportAsync(
        string tenantId, string realmId, string csv, int firstRow, string? emailLinkConfigId, CancellationToken cancellationToken)
    {
        var records = ConsoleCsv.Parse(csv, out var unterminated);
        if (unterminated is { } line)
        {
            return ImportOutcome.Refused($"A quoted field that starts on line {line} is never closed.");
        }

        if (records.Count < 2)
        {
            return ImportOutcome.Refused("The file has no rows under its header.");
        }

        if (records.Count - 1 > MaxRows)
        {
            return ImportOutcome.Refused($"The file has {records.Count - 1} rows; import at most {MaxRows} at a time.");
        }

        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (header.FirstOrDefault(h => !Columns.Contains(h)) is { } unknown)
        {
            return ImportOutcome.Refused($"Unknown column \"{unknown}\": the columns are {string.Join(", ", Columns)}.");
        }

        if (header.Distinct().Count() != header.Length || !header.Contains("username"))
        {
            return ImportOutcome.Refused("The header must name the username column once, and each other column at most once.");
        }

        var rows = new List<ImportedRow>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            rows.Add(await ImportRowAsync(tenantId, realmId, header, records[i], firstRow + i - 1, emailLinkConfigId, cancellationToken));
        }

        Log.ConsoleIdentitiesImported(loggers.CreateLogger<ConsoleIdentityImport>(), realmId, rows.Count(r => r.IdentityId is not null), rows.Count);
        return new ImportOutcome(rows, null);
    }

    private async Task<ImportedRow> ImportRowAsync(
        string tenantId, string realmId, string[] header, string[] fields, int row, string? emailLinkConfigId, CancellationToken cancellationToken)
    {
        string? Field(string column) => Array.IndexOf(header, column) is var at and >= 0 && at < fields.Length ? fields[at].Trim() : null;
        var username = Field("username") ?? "";
        if (fields.Length != header.Length)
        {
            return new ImportedRow(row, username, null, $"The row has {fields.Length} fields; the header has {header.Length}.", false, null);
        }

        var displayName = Field("display_name") is { Length: > 0 } name ? name : username;
        var email = Field("email") is { Length: > 0 } address ? address : null;
        var request = ConsoleForms.IdentityRequest(displayName, username, email, status: null);
        var created = await IdentityEndpoints.CreateAsync(tenantId, realmId, JsonBody<IdentityRequest>.Of(request), db, time,
            loggers.CreateLogger<IdentityRequest>(), cancellationToken);

        // A refused insert stays in the change tracker and would be tried again with the next row's save.
        db.ChangeTracker.Clear();
        if (created.Result is not Ok<IdentityResponse> { Value: { } identity })
        {
            return new ImportedRow(row, username, null, Describe(created.Result), false, null);
        }

        if (emailLinkConfigId is null)
        {
            return new ImportedRow(row, username, identity.Id, null, false, null);
        }

        if (email is null)
        {
            return new ImportedRow(row, username, identity.Id, null, false, "No email address, so no binding link was sent.");
        }

        var job = await BindingJobEndpoints.CreateAsync(tenantId, realmId, identity.Id,
            JsonBody<BindingJobRequest>.Of(new BindingJobRequest(new BindingJobFields(DeliveryMethods.Email, emailLinkConfigId, null, null))),
            db, links, emailQueue, appSchemes, options, time, loggers.CreateLogger<BindingJobRequest>(), cancellationToken);
        db.ChangeTracker.Clear();
        return job.Result is Ok<CreateBindingJobResponse>
            ? new ImportedRow(row, username, identity.Id, null, true, null)
            : new ImportedRow(row, username, identity.Id, null, false, "The binding link was not sent: " + Describe(job.Result));
    }

    private static string Describe(IResult result) =>
        result is ApiError error ? string.Join("; ", ConsolePageModel.Describe(error)) : result.GetType().Name;
}
