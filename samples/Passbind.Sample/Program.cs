using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Passbind.Client;
using Passbind.Sample;

var builder = WebApplication.CreateBuilder(args);
var sample = builder.Configuration.GetSection(SampleOptions.SectionName).Get<SampleOptions>() ?? new SampleOptions();
if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(SampleOptions.DefaultUrl);
}

var publicUrl = new Uri((sample.PublicUrl ?? (builder.Configuration["urls"] ?? SampleOptions.DefaultUrl).Split(';')[0]).TrimEnd('/') + "/");
var origin = publicUrl.GetLeftPart(UriPartial.Authority);

// What the app needs from the Passbind server (its bootstrap.json, an authenticator config and an OIDC application)
// is settled before the app is composed, because the OIDC handler's authority and client id come from it.
using var startLogging = LoggerFactory.Create(logging => logging
    .AddConfiguration(builder.Configuration.GetSection("Logging"))
    .AddSimpleConsole());
var logger = startLogging.CreateLogger("Passbind.Sample");
SampleSettings settings;
PassbindClient client;
try
{
    var clientOptions = await SampleBootstrap.ReadAsync(sample, logger, CancellationToken.None);
    client = new PassbindClient(clientOptions);
    var serverBaseUrl = new Uri((clientOptions.AuthBaseUrl ?? clientOptions.ApiBaseUrl!).ToString().TrimEnd('/') + "/");
    var configId = sample.AuthenticatorConfigId
        ?? await SampleAuthenticatorConfig.EnsureAsync(client, serverBaseUrl, publicUrl, origin, sample.BootstrapWait, logger, CancellationToken.None);
    var signIn = await SampleApplication.EnsureAsync(clientOptions, publicUrl, configId, logger, CancellationToken.None);
    settings = new SampleSettings(publicUrl, origin, serverBaseUrl, configId, sample.PostBindingRedirectUri ?? new Uri(publicUrl, "passkeys").ToString(), signIn);
    Log.Ready(logger, publicUrl, serverBaseUrl);
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or HttpRequestException or PassbindApiException)
{
    var reason = ex is PassbindApiException { FieldViolations.Count: > 0 } api
        ? $"{api.Message}: {string.Join("; ", api.FieldViolations.Select(v => $"{v.Field} {v.Description}"))}"
        : ex.Message;
    Log.CannotStart(logger, reason);
    return 1;
}

// The API answers in the management API's own JSON (snake_case), as the seed's res.send(...) does.
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
});
builder.Services
    .AddAuthentication(options =>
    {
        options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
    })
    .AddCookie(options => SampleSignInOptions.Configure(options))
    .AddOpenIdConnect(options => SampleSignInOptions.Configure(options, settings.SignIn));
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapSampleEndpoints(client, settings, new SamplePages(settings));
await app.RunAsync();
return 0;
