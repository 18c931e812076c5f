using Passbind.Server.Features.Applications;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Oidc;

/// <summary>An identity's <c>sub</c> for an application, by its <c>token_configuration.subject_field</c>.</summary>
internal static class Subjects
{
    /// <summary>The subject; null when the identity lacks the field (an email address it does not have).</summary>
    public static string? Of(Application application, Identity identity) => application.SubjectField switch
    {
        ApplicationValues.SubjectEmail => identity.PrimaryEmailAddress,
        ApplicationValues.SubjectUsername => identity.Username,
        _ => identity.Id,
    };
}
