namespace Passbind.Server.Features.Applications;

/// <summary><c>protocol_config.token_configuration</c> as sent.</summary>
internal sealed record TokenConfigurationFields(string? SubjectField, long? ExpiresAfter, string? TokenSigningAlgorithm);
