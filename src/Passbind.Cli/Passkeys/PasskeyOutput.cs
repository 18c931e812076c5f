using Passbind.Sdk;

namespace Passbind.Cli.Passkeys;

/// <summary>How this machine's passkeys look in tables and JSON.</summary>
internal static class PasskeyOutput
{
    public static void Write(OutputWriter output, BindPasskeyResponse response)
    {
        if (output.Json)
        {
            output.WriteJson(response, CliJsonContext.Default.BindPasskeyResponse);
            return;
        }

        var passkey = response.Passkey;
        output.WriteRecord(
        [
            ("id", passkey.Id),
            ("passkey id", passkey.PasskeyId),
            ("identity", passkey.Identity.Id),
            ("username", passkey.Identity.Username),
            ("display name", passkey.Identity.DisplayName),
            ("tenant", passkey.Tenant.Id),
            ("realm", passkey.Realm.Id),
            ("state", passkey.State.ToString()),
            ("created", OutputWriter.Format(passkey.Created)),
            ("redirect", response.PostBindRedirect),
        ]);
    }

    public static void Write(OutputWriter output, List<Passkey> passkeys)
    {
        if (output.Json)
        {
            output.WriteJson(passkeys, CliJsonContext.Default.ListPasskey);
            return;
        }

        output.WriteTable(
            ["ID", "PASSKEY ID", "USERNAME", "IDENTITY", "REALM", "CREATED"],
            passkeys.Select(p => (IReadOnlyList<string?>)
            [
                p.Id, p.PasskeyId, p.Identity.Username, p.Identity.Id, p.Realm.Id, OutputWriter.Format(p.Created),
            ]),
            "No passkeys on this machine.");
    }
}
