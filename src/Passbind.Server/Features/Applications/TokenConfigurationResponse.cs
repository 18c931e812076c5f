namespace Passbind.Server.Features.Applications;

internal sealed record TokenConfigurationResponse(string SubjectField, long ExpiresAfter, string TokenSigningAlgorithm);
