namespace Passbind.Server.Features.Identities;

/// <summary>An identity's <c>status</c>, as Beyond Identity's API names it.</summary>
internal static class IdentityStatuses
{
    /// <summary>The identity may bind passkeys and sign in. The default for a new identity.</summary>
    public const string Active = "active";

    /// <summary>The identity keeps its passkeys but can use none of them, and no link binds a new one.</summary>
    public const string Suspended = "suspended";
}
