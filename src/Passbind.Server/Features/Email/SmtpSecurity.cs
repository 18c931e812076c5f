namespace Passbind.Server.Features.Email;

/// <summary>The values of <c>Passbind:Smtp:Security</c>.</summary>
internal enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    Tls,
}
