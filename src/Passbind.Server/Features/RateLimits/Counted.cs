namespace Passbind.Server.Features.RateLimits;

/// <summary>What one limit counts: its name, the subject (an address, a client, a link, an identity, an email address), and the rule.</summary>
internal readonly record struct Counted(string Name, string Subject, RateLimit Rule);
