namespace Passbind.Server.Features.Applications;

/// <summary>The body of a create or patch: <c>{"application": {...}}</c>.</summary>
internal sealed record ApplicationRequest(ApplicationFields? Application);
