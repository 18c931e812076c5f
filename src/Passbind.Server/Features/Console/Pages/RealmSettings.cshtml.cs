using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Email;
using Passbind.Server.Features.Pages;
using Passbind.Server.Features.Realms;
using Passbind.Server.Features.Themes;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Features.Console.Pages;

/// <summary>
/// A realm's name and theme, each saved by the management API's own handler (<c>PATCH …/realms/{r}</c>,
/// <c>PATCH …/themes/{id}</c>), with previews of what the saved theme gives: the binding email as the email composer
/// writes it, and the hosted <c>/bind</c> page as it renders it.
/// </summary>
internal sealed class RealmSettingsModel(
    PassbindDbContext db, TimeProvider time, PublicAddresses addresses, IOptions<BindingLinkOptions> links) : ConsolePageModel(db)
{
    // The preview of a message runs nothing and sends nothing; its images may load, as in a mail client.
    private const string EmailPreviewPolicy =
        BindPage.PreviewSandbox + "; default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public RealmResponse Settings { get; private set; } = null!;

    public ThemeResponse Theme { get; private set; } = null!;

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Classification { get; set; }

    [BindProperty]
    public ThemeForm ThemeForm { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        DisplayName = Settings.DisplayName;
        Classification = Settings.Classification;
        ThemeForm = ThemeForm.Of(Theme);
        return Page();
    }

    public async Task<IActionResult> OnPostNameAsync(CancellationToken cancellationToken)
    {
        var request = new RealmRequest(new RealmFields(DisplayName?.Trim() ?? "", string.IsNullOrEmpty(Classification) ? null : Classification));
        var result = await RealmEndpoints.UpdateAsync(TenantId, Realm, JsonBody<RealmRequest>.Of(request), Db, time, cancellationToken);
        if (Accept<RealmResponse>(result.Result) is not null)
        {
            Notice = "Name saved.";
            return Redirect($"/console/realms/{Realm}/settings");
        }

        return await RefusedAsync(keepTheme: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostThemeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var result = await ThemeEndpoints.UpdateAsync(TenantId, Realm, Theme.Id, JsonBody<ThemeRequest>.Of(ThemeForm.ToRequest()), Db, time, cancellationToken);
        if (Accept<ThemeResponse>(result.Result) is not null)
        {
            Notice = "Theme saved.";
            return Redirect($"/console/realms/{Realm}/settings");
        }

        return await RefusedAsync(keepTheme: true, cancellationToken);
    }

    /// <summary>The binding email of this realm as the outbox would queue it now, with a link that binds nothing.</summary>
    public async Task<IActionResult> OnGetEmailPreviewAsync(CancellationToken cancellationToken)
    {
        var branding = await EmailBranding.LoadAsync(Db, TenantId, Realm, cancellationToken);
        var link = $"{addresses.AuthBaseUrl}/v1/tenants/{TenantId}/realms/{Realm}/identities/preview/credential-binding-jobs/preview:invokeAuthenticator?token=preview";
        var email = EmailComposer.BindingLink(branding, link, time.GetUtcNow() + links.Value.EmailLifetime);
        ConsoleComposition.ServeFramedPreview(HttpContext, EmailPreviewPolicy);
        return Content(email.HtmlBody, "text/html; charset=utf-8");
    }

    /// <summary>The hosted /bind page in this realm's look, as it stands once a passkey is ready.</summary>
    public async Task<IActionResult> OnGetBindPreviewAsync(CancellationToken cancellationToken)
    {
        var look = await RealmLook.FindAsync(Db, TenantId, Realm, cancellationToken);
        if (look is null)
        {
            return NotFound();
        }

        var page = BindPage.Render(BindPageLook.From(look), BindPageState.PreviewReady);
        ConsoleComposition.ServeFramedPreview(HttpContext, page.ContentSecurityPolicy);
        return Content(page.Html, "text/html; charset=utf-8");
    }

    /// <summary>The page again with the API's problems, the form as it was posted, the other form as stored.</summary>
    private async Task<IActionResult> RefusedAsync(bool keepTheme, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (keepTheme)
        {
            DisplayName = Settings.DisplayName;
            Classification = Settings.Classification;
        }
        else
        {
            ThemeForm = ThemeForm.Of(Theme);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        // Reads through the API's handlers too: GetActiveAsync gives a realm stored without a theme its default one.
        var realm = (await RealmEndpoints.GetAsync(TenantId, Realm, Db, cancellationToken)).Result as Ok<RealmResponse>;
        var theme = (await ThemeEndpoints.GetActiveAsync(TenantId, Realm, Db, time, cancellationToken)).Result as Ok<ThemeResponse>;
        if (realm?.Value is null || theme?.Value is null)
        {
            return false;
        }

        Settings = realm.Value;
        Theme = theme.Value;
        return true;
    }
}
