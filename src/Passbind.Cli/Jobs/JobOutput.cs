using Passbind.Client;

namespace Passbind.Cli.Jobs;

/// <summary>How credential binding jobs look in tables and JSON.</summary>
internal static class JobOutput
{
    public static void Write(OutputWriter output, CredentialBindingJob job)
    {
        if (output.Json)
        {
            output.WriteJson(job, CliJsonContext.Default.CredentialBindingJob);
            return;
        }

        output.WriteRecord(
        [
            ("id", job.Id),
            ("identity", job.IdentityId),
            ("delivery", job.DeliveryMethod),
            ("state", job.State),
            ("credential", job.CredentialId),
            ("redirect", job.PostBindingRedirectUri),
            ("authenticator config", job.AuthenticatorConfigId),
            ("expires", OutputWriter.Format(job.ExpireTime)),
            ("created", OutputWriter.Format(job.CreateTime)),
            ("updated", OutputWriter.Format(job.UpdateTime)),
        ]);
    }
}
