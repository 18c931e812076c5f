namespace Passbind.Server.Http;

internal sealed record PageToken(string Collection, string? Filter, int PageSize, string AfterId, DateTimeOffset IssueTime);
