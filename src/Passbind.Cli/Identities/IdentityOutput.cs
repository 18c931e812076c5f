using Passbind.Client;

namespace Passbind.Cli.Identities;

/// <summary>How identities look in tables and JSON.</summary>
internal static class IdentityOutput
{
    public static void Write(OutputWriter output, Identity identity)
    {
        if (output.Json)
        {
            output.WriteJson(identity, CliJsonContext.Default.Identity);
            return;
        }

        output.WriteRecord(
        [
            ("id", identity.Id),
            ("username", identity.Traits.Username),
            ("display name", identity.DisplayName),
            ("email", identity.Traits.PrimaryEmailAddress),
            ("status", identity.Status),
            ("enrollment", identity.EnrollmentStatus),
            ("realm", identity.RealmId),
            ("created", OutputWriter.Format(identity.CreateTime)),
            ("updated", OutputWriter.Format(identity.UpdateTime)),
        ]);
    }

    public static void Write(OutputWriter output, List<Identity> identities)
    {
        if (output.Json)
        {
            output.WriteJson(identities, CliJsonContext.Default.ListIdentity);
            return;
        }

        output.WriteTable(
            ["ID", "USERNAME", "DISPLAY NAME", "EMAIL", "STATUS", "CREATED"],
            identities.Select(i => (IReadOnlyList<string?>)
            [
                i.Id, i.Traits.Username, i.DisplayName, i.Traits.PrimaryEmailAddress, i.Status, OutputWriter.Format(i.CreateTime),
            ]),
            "No identities.");
    }
}
