namespace Passbind.Client;

/// <summary>Values of <see cref="CredentialBindingJob.DeliveryMethod"/>.</summary>
public static class DeliveryMethods
{
    /// <summary><c>RETURN</c>: the binding link is returned to the caller.</summary>
    public const string Return = "RETURN";

    /// <summary><c>EMAIL</c>: the binding link is emailed to the identity's <c>primary_email_address</c>.</summary>
    public const string Email = "EMAIL";
}
