using Passbind.Server.Features.Themes;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Email;

/// <summary>
/// Queues the notices NIST SP 800-63B §4.6 asks for. Like <see cref="BindingJobs.IBindingEmailQueue"/>, it adds
/// its row to the given context without saving, so the notice commits with the change it reports.
/// </summary>
internal interface INotificationQueue
{
    /// <summary>
    /// Queues "a passkey was added to your account" to the identity's primary email address, stating the
    /// credential's create time and <paramref name="deviceKind"/> (e.g. "passkey on this device (WebAuthn)").
    /// Does nothing when the identity has no email address. Call it in the binding transaction, before saving;
    /// it reads nothing, so the transaction holds the database no longer than its writes take.
    /// </summary>
    void EnqueuePasskeyAdded(PassbindDbContext db, Identity identity, Credential credential, string deviceKind, RealmLook realm);
}
