using Passbind.Client;

namespace Passbind.Cli.Credentials;

/// <summary>How credentials (the server's record of bound passkeys) look in tables and JSON.</summary>
internal static class CredentialOutput
{
    public static void Write(OutputWriter output, Credential credential)
    {
        if (output.Json)
        {
            output.WriteJson(credential, CliJsonContext.Default.Credential);
            return;
        }

        output.WriteRecord(
        [
            ("id", credential.Id),
            ("identity", credential.IdentityId),
            ("state", credential.State),
            ("type", credential.CsrType),
            ("jwk thumbprint", credential.JwkThumbprint),
            ("created", OutputWriter.Format(credential.CreateTime)),
            ("updated", OutputWriter.Format(credential.UpdateTime)),
        ]);
    }

    public static void Write(OutputWriter output, List<Credential> credentials)
    {
        if (output.Json)
        {
            output.WriteJson(credentials, CliJsonContext.Default.ListCredential);
            return;
        }

        output.WriteTable(
            ["ID", "IDENTITY", "STATE", "TYPE", "CREATED"],
            credentials.Select(c => (IReadOnlyList<string?>)
            [
                c.Id, c.IdentityId, c.State, c.CsrType, OutputWriter.Format(c.CreateTime),
            ]),
            "No credentials.");
    }
}
