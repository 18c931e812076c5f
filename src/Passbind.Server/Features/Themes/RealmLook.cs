using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Themes;

/// <summary>How a realm presents itself: its tenant's and its own display names, and its theme (null until one is set).</summary>
internal sealed record RealmLook(string TenantName, string RealmName, Theme? Theme);
