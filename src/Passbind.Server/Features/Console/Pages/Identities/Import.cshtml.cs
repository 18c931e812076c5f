using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages.Identities;

/// <summary>
/// Imports identities from a CSV file, optionally with an EMAIL binding link for each. The console's script sends the
/// file 100 rows at a time to <see cref="OnPostRowsAsync"/> and moves a progress bar; without it the whole file is
/// posted at once and the page answers with the report.
/// </summary>
internal sealed class ImportIdentitiesModel(PassbindDbContext db, ConsoleIdentityImport import) : ConsolePageModel(db)
{
    /// <summary>The largest file the page takes (the script sends it in parts, each a small request).</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public IReadOnlyList<AuthenticatorConfig> AuthenticatorConfigs { get; private set; } = [];

    /// <summary>The report of the file just posted without the script.</summary>
    public ImportOutcome? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The whole file in one request: imports it and shows the report.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool sendLinks, string? authenticatorConfigId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (file is null || file.Length == 0)
        {
            Problem("Choose a CSV file to import.");
        }
        else if (file.Length > MaxFileBytes)
        {
            Problem($"The file is larger than {MaxFileBytes / 1024 / 1024} MB: split it.");
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            var csv = await reader.ReadToEndAsync(cancellationToken);
            Outcome = await import.ImportAsync(TenantId, Realm, csv, firstRow: 2, sendLinks ? authenticatorConfigId ?? "" : null, cancellationToken);
            if (Outcome.Problem is { } problem)
            {
                Problem(problem);
                Outcome = null;
            }
        }

        if (Outcome is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>One part of a file, sent by the console's script: its header and some rows, numbered from <paramref name="firstRow"/>.</summary>
    public async Task<IActionResult> OnPostRowsAsync(string? csv, int firstRow, bool sendLinks, string? authenticatorConfigId, CancellationToken cancellationToken)
    {
        var outcome = await import.ImportAsync(TenantId, Realm, csv ?? "", Math.Max(firstRow, 2), sendLinks ? authenticatorConfigId ?? "" : null, cancellationToken);
        var result = new JsonResult(new
        {
            problem = outcome.Problem,
            rows = outcome.Rows.Select(r => new { row = r.Row, username = r.Username, identityId = r.IdentityId, problem = r.Problem, linkQueued = r.LinkQueued, linkProblem = r.LinkProblem }),
        });
        if (outcome.Problem is not null)
        {
            result.StatusCode = StatusCodes.Status400BadRequest;
        }

        return result;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        AuthenticatorConfigs = await Db.AuthenticatorConfigs.AsNoTracking()
            .Where(c => c.TenantId == TenantId && c.RealmId == Realm).OrderBy(c => c.CreateTime).Take(50).ToListAsync(cancellationToken);
}
