using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Core.Identifiers;
using Passbind.Core.Validation;
using Passbind.Server.Authorization;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Themes;

/// <summary>A realm's branding: one theme per realm, the active one, made with the realm.</summary>
internal static class ThemeEndpoints
{
    private const string ResourceType = "Theme";
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static RouteGroupBuilder MapThemeEndpoints(this RouteGroupBuilder realm)
    {
        var themes = realm.MapGroup("/themes").WithTags("Themes");
        themes.MapGet("/active", GetActiveAsync).RequiresScope(Scopes.ThemesRead).WithSummary("Get the realm's active theme");
        themes.MapPatch("/{theme_id}", UpdateAsync).RequiresScope(Scopes.ThemesUpdate).WithSummary("Update a theme");
        return realm;
    }

    /// <summary>The theme a new realm starts with: every field unset, as the bootstrap makes it.</summary>
    public static Theme NewDefault(string tenantId, string realmId, DateTimeOffset now) =>
        new() { Id = ResourceId.NewUuid(), TenantId = tenantId, RealmId = realmId, CreateTime = now, UpdateTime = now };

    internal static async Task<Results<Ok<ThemeResponse>, ApiError>> GetActiveAsync(
        string tenant_id, string realm_id, PassbindDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var theme = await FindActiveAsync(db, tenant_id, realm_id, cancellationToken);
        if (theme is null)
        {
            // Every realm gets its theme when it is made; this covers realms stored some other way. The unique
            // index on the realm decides between racing readers, and the loser reads the winner's row.
            db.Themes.Add(NewDefault(tenant_id, realm_id, time.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (StorageErrors.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear();
            }

            theme = await FindActiveAsync(db, tenant_id, realm_id, cancellationToken);
        }

        return theme is null ? ApiError.NotFound(ResourceType, "active") : TypedResults.Ok(ToResponse(theme));
    }

    internal static async Task<Results<Ok<ThemeResponse>, ApiError>> UpdateAsync(
        string tenant_id, string realm_id, string theme_id, JsonBody<ThemeRequest> body, PassbindDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var theme = await db.Themes
            .FirstOrDefaultAsync(t => t.Id == theme_id && t.TenantId == tenant_id && t.RealmId == realm_id, cancellationToken);
        if (theme is null)
        {
            return ApiError.NotFound(ResourceType, theme_id);
        }

        if (!body.TryGetResource(request => request.Theme, "theme", out var fields, out var error))
        {
            return error;
        }

        var violations = new List<FieldViolation>();
        Check(violations, "theme.email_realm_name", fields.EmailRealmName, RealmName);
        Check(violations, "theme.logo_url_light", fields.LogoUrlLight, LogoUrl);
        Check(violations, "theme.logo_url_dark", fields.LogoUrlDark, LogoUrl);
        Check(violations, "theme.support_url", fields.SupportUrl, value => FieldRules.AbsoluteUrl(value));
        Check(violations, "theme.button_color", fields.ButtonColor, Color);
        Check(violations, "theme.button_text_color", fields.ButtonTextColor, Color);
        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        theme.EmailRealmName = Merge(fields.EmailRealmName, theme.EmailRealmName);
        theme.LogoUrlLight = Merge(fields.LogoUrlLight, theme.LogoUrlLight);
        theme.LogoUrlDark = Merge(fields.LogoUrlDark, theme.LogoUrlDark);
        theme.SupportUrl = Merge(fields.SupportUrl, theme.SupportUrl);
        theme.ButtonColor = Merge(fields.ButtonColor, theme.ButtonColor);
        theme.ButtonTextColor = Merge(fields.ButtonTextColor, theme.ButtonTextColor);
        theme.UpdateTime = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(theme));
    }

    private static Task<Theme?> FindActiveAsync(PassbindDbContext db, string tenantId, string realmId, CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == tenantId && t.RealmId == realmId, cancellationToken);

    /// <summary>Null leaves the stored value; an empty string clears it.</summary>
    private static string? Merge(string? sent, string? stored) => sent switch
    {
        null => stored,
        "" => null,
        _ => sent,
    };

    /// <summary>Checks a sent, non-empty value; null (unchanged) and empty (cleared) need no rule.</summary>
    private static void Check(List<FieldViolation> violations, string field, string? value, Func<string, string?> rule)
    {
        if (!string.IsNullOrEmpty(value) && rule(value) is { } problem)
        {
            violations.Add(new FieldViolation(field, problem));
        }
    }

    private static string? RealmName(string value) =>
        string.IsNullOrWhiteSpace(value) ? "blank string" : FieldRules.Text(value, FieldRules.MaxNameLength);

    /// <summary>
    /// A logo is loaded by the hosted pages and by mail clients: over https only, since an http image on an https page is
    /// mixed content and in a message it tells a network watcher who opened it.
    /// </summary>
    private static string? LogoUrl(string value) =>
        FieldRules.AbsoluteUrl(value) ?? (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? null : "must be an https URL");

    /// <summary>A colour as the branding page takes it: <c>#RRGGBB</c>.</summary>
    private static string? Color(string value) =>
        value.Length == 7 && value[0] == '#' && !value.AsSpan(1).ContainsAnyExcept(HexDigits)
            ? null
            : "must be a colour in the form #RRGGBB";

    private static ThemeResponse ToResponse(Theme theme) =>
        new(theme.Id, theme.TenantId, theme.RealmId, theme.CreateTime, theme.UpdateTime, theme.EmailRealmName,
            theme.LogoUrlLight, theme.LogoUrlDark, theme.SupportUrl, theme.ButtonColor, theme.ButtonTextColor);
}
