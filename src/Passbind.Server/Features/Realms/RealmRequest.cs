namespace Passbind.Server.Features.Realms;

/// <summary>The body of a create or patch: <c>{"realm": {...}}</c>.</summary>
internal sealed record RealmRequest(RealmFields? Realm);
