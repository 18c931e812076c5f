using Microsoft.Extensions.Options;

namespace Passbind.Client;

/// <summary>Checks that <see cref="PassbindClientOptions"/> can address a server and authenticate.</summary>
internal sealed class PassbindClientOptionsValidator : IValidateOptions<PassbindClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PassbindClientOptions options)
    {
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when the options are unusable.</summary>
    public static void ThrowIfInvalid(PassbindClientOptions options)
    {
        var failures = Problems(options).ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PassbindClientOptions), failures);
        }
    }

    private static IEnumerable<string> Problems(PassbindClientOptions options)
    {
        if (options.ApiBaseUrl is null || !options.ApiBaseUrl.IsAbsoluteUri)
        {
            yield return "PassbindClientOptions.ApiBaseUrl must be an absolute URL.";
        }

        if (options.AuthBaseUrl is { IsAbsoluteUri: false })
        {
            yield return "PassbindClientOptions.AuthBaseUrl must be an absolute URL when set.";
        }

        if (string.IsNullOrEmpty(options.TenantId))
        {
            yield return "PassbindClientOptions.TenantId is required.";
        }

        if (string.IsNullOrEmpty(options.RealmId))
        {
            yield return "PassbindClientOptions.RealmId is required.";
        }

        if (!options.UsesClientCredentials && string.IsNullOrEmpty(options.ApiToken))
        {
            yield return "PassbindClientOptions needs either ApiToken or ManagementApplicationId, ClientId and ClientSecret.";
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero)
        {
            yield return "PassbindClientOptions.TokenRefreshMargin must not be negative.";
        }
    }
}
