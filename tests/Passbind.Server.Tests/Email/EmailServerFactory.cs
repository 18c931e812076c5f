using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Passbind.Server.Features.Email;

namespace Passbind.Server.Tests.Email;

/// <summary>
/// The real server in process for the email tests, on an <see cref="EmailTestStore"/>, mailing to a
/// <see cref="SmtpCaptureServer"/>'s port (or to the dev mailbox when no port is given). Short backoffs
/// keep tests that need the real background loop fast.
/// </summary>
internal sealed class EmailServerFactory(
    EmailTestStore store,
    int? smtpPort,
    string environment = "Development",
    IReadOnlyDictionary<string, string>? settings = null,
    bool runSender = true) : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "http://localhost:5000";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Passbind:DataDirectory", store.DataDirectory);
        builder.UseSetting("Passbind:PublicBaseUrl", PublicBaseUrl);
        if (store.ConnectionString is not null)
        {
            builder.UseSetting("Passbind:Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Passbind", store.ConnectionString);
        }

        if (smtpPort is not null)
        {
            builder.UseSetting("Passbind:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Passbind:Smtp:Port", smtpPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Passbind:Smtp:Security", "None");
        }

        builder.UseSetting("Passbind:Email:InitialBackoff", "00:00:00.050");
        builder.UseSetting("Passbind:Email:MaxBackoff", "00:00:00.200");
        builder.UseSetting("Passbind:Email:PollInterval", "00:00:00.100");
        builder.UseSetting("Passbind:Email:SmtpTimeout", "00:00:05");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (!runSender)
        {
            builder.ConfigureTestServices(services =>
            {
                var sender = services.Single(d => d.ImplementationType == typeof(OutboxSender));
                services.Remove(sender);
            });
        }
    }

    /// <summary>Starts the server and reads what it wrote to bootstrap.json.</summary>
    public Task<EmailApi> StartApiAsync() => EmailApi.StartAsync(this, store.DataDirectory);
}
