namespace Passbind.Server.Features.Audit;

/// <summary>The outcome of an audit event.</summary>
internal static class AuditOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
}
