namespace Passbind.Client;

/// <summary>Values of <see cref="Realm.Classification"/>.</summary>
public static class RealmClassifications
{
    /// <summary><c>SECURE_CUSTOMER</c>: a realm of an app's customers.</summary>
    public const string SecureCustomer = "SECURE_CUSTOMER";

    /// <summary><c>SECURE_WORKFORCE</c>: a realm of an organization's staff.</summary>
    public const string SecureWorkforce = "SECURE_WORKFORCE";
}
