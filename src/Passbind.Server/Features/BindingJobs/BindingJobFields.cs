using System.Text.Json;

namespace Passbind.Server.Features.BindingJobs;

internal sealed record BindingJobFields(
    string? DeliveryMethod,
    string? AuthenticatorConfigId,
    JsonElement? AuthenticatorConfig,
    string? PostBindingRedirectUri);
