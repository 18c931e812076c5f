namespace Passbind.Server.Features.Email;

/// <summary>What an outbox message is about, and where it went.</summary>
internal static class OutboxKinds
{
    public const string BindingLink = "binding_link";
    public const string PasskeyAdded = "passkey_added";
    public const string SignInCode = "sign_in_code";

    public const string TransportSmtp = "smtp";
    public const string TransportDevMailbox = "dev_mailbox";
}
