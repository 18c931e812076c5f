namespace Passbind.Server.Http;

internal sealed record FieldViolation(string Field, string Description);
