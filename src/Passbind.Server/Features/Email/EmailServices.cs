using MimeKit;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.SignIn;
using Passbind.Server.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Passbind.Server.Features.Email;

/// <summary>Registers the Email feature.</summary>
internal static class EmailServices
{
    /// <summary>The outbox (queue, sender, SMTP transport) and the options it reads.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddValidatedOptions<EmailOptions>(EmailOptions.SectionName)
            .Validate(o => o.HasPositiveTimes(), "Passbind:Email times must be positive, and MaxBackoff at least InitialBackoff.")
            .Validate(o => o.HasBatchWindow(), "Passbind:Email:BatchWindow must be from 00:00:00 to 00:00:10.");
        services.AddValidatedOptions<SmtpOptions>(SmtpOptions.SectionName)
            .Validate(o => SmtpMailTransport.ParseSecurity(o.Security) is not null, "Passbind:Smtp:Security must be Auto, None, StartTls or Tls.")
            .Validate(o => o.Port is > 0 and < 65536, "Passbind:Smtp:Port must be a TCP port.")
            .Validate(o => EmailText.IsHeaderSafe(o.From) && MailboxAddress.TryParse(o.From, out _), "Passbind:Smtp:From must be an email address.");

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor, OutboxCommitInterceptor>();
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<IBindingEmailQueue>(sp => sp.GetRequiredService<OutboxQueue>());
        services.AddSingleton<INotificationQueue>(sp => sp.GetRequiredService<OutboxQueue>());
        services.AddSingleton<IOneTimeCodeEmailQueue>(sp => sp.GetRequiredService<OutboxQueue>());
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<SealedLinks>();
        services.AddSingleton<OutboxContent>();
        services.AddSingleton<IBindingEmailDelivery, BindingEmailDelivery>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxRetry>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
