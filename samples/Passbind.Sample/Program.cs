using System.Text.Json;
using System.Text.Json.Serialization;
using Passbind.Client;
using Passbind.Sample;

var builder = WebApplication.CreateBuilder(args);
var sample = builder.Configuration.GetSection(SampleOptions.SectionName).Get<SampleOptions>() ?? new SampleOptions();
if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(SampleOptions.DefaultUrl);
}

// The API answers in the management API's own JSON (snake_case), as the seed's res.send(...) does.
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
});

var app = builder.Build();
var publicUrl = new Uri((sample.PublicUrl ?? (builder.Configuration["urls"] ?? SampleOptions.DefaultUrl).Split(';')[0]).TrimEnd('/') + "/");
var origin = publicUrl.GetLeftPart(UriPartial.Authority);

SampleSettings settings;
PassbindClient client;
try
{
    var clientOptions = await SampleBootstrap.ReadAsync(sample, app.Logger, app.Lifetime.ApplicationStopping);
    client = new PassbindClient(clientOptions);
    var serverBaseUrl = new Uri((clientOptions.AuthBaseUrl ?? clientOptions.ApiBaseUrl!).ToString().TrimEnd('/') + "/");
    var configId = sample.AuthenticatorConfigId
        ?? await SampleAuthenticatorConfig.EnsureAsync(client, serverBaseUrl, publicUrl, origin, sample.BootstrapWait, app.Logger, app.Lifetime.ApplicationStopping);
    settings = new SampleSettings(publicUrl, origin, serverBaseUrl, configId, sample.PostBindingRedirectUri ?? new Uri(publicUrl, "passkeys").ToString());
    Log.Ready(app.Logger, publicUrl, serverBaseUrl);
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or HttpRequestException or PassbindApiException)
{
    var reason = ex is PassbindApiException { FieldViolations.Count: > 0 } api
        ? $"{api.Message}: {string.Join("; ", api.FieldViolations.Select(v => $"{v.Field} {v.Description}"))}"
        : ex.Message;
    Log.CannotStart(app.Logger, reason);
    return 1;
}

app.MapSampleEndpoints(client, settings, new SamplePages(settings));
await app.RunAsync();
return 0;
