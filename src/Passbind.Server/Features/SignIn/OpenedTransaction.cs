using Passbind.Storage.Entities;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// A sign-in transaction a verified request JWT opened, still open: with its application, the authenticator
/// config it runs with, and the JWT itself (the authenticate URL is built from it).
/// </summary>
internal sealed record OpenedTransaction(SignInTransaction Transaction, Application Application, AuthenticatorConfig Config, string Request);
