namespace Passbind.Server.Features.BindingJobs;

internal static class DeliveryMethods
{
    public const string Return = "RETURN";
    public const string Email = "EMAIL";
}
