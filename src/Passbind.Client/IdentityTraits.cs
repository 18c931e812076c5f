namespace Passbind.Client;

/// <summary>
/// An identity's attributes (<c>traits</c>), discriminated by <see cref="Type"/>. Every write must carry the type, so it
/// defaults to <c>traits_v0</c>; <see langword="null"/> attributes are not sent (on PATCH: left unchanged).
/// </summary>
public sealed record IdentityTraits
{
    /// <summary>The traits version (<c>type</c>). Default <c>traits_v0</c>, the only one.</summary>
    public string Type { get; init; } = "traits_v0";

    /// <summary>The username (<c>username</c>): 1–64 characters, unique in the realm regardless of case, required on create. Default <see langword="null"/>.</summary>
    public string? Username { get; init; }

    /// <summary>The address binding emails are sent to (<c>primary_email_address</c>). Default <see langword="null"/>.</summary>
    public string? PrimaryEmailAddress { get; init; }

    /// <summary>A second email address (<c>secondary_email_address</c>). Default <see langword="null"/>.</summary>
    public string? SecondaryEmailAddress { get; init; }

    /// <summary>An id in another system (<c>external_id</c>). Default <see langword="null"/>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The family name (<c>family_name</c>). Default <see langword="null"/>.</summary>
    public string? FamilyName { get; init; }

    /// <summary>The given name (<c>given_name</c>). Default <see langword="null"/>.</summary>
    public string? GivenName { get; init; }

    /// <summary>The full name, formatted for display (<c>formatted_name</c>). Default <see langword="null"/>.</summary>
    public string? FormattedName { get; init; }

    /// <summary>The middle name (<c>middle_name</c>). Default <see langword="null"/>.</summary>
    public string? MiddleName { get; init; }

    /// <summary>An honorific prefix, for example &quot;Dr.&quot; (<c>honorific_prefix</c>). Default <see langword="null"/>.</summary>
    public string? HonorificPrefix { get; init; }

    /// <summary>An honorific suffix (<c>honorific_suffix</c>). Default <see langword="null"/>.</summary>
    public string? HonorificSuffix { get; init; }

    /// <summary>A casual name (<c>nick_name</c>). Default <see langword="null"/>.</summary>
    public string? NickName { get; init; }

    /// <summary>A job title (<c>title</c>). Default <see langword="null"/>.</summary>
    public string? Title { get; init; }

    /// <summary>The primary phone number (<c>primary_phone</c>). Default <see langword="null"/>.</summary>
    public string? PrimaryPhone { get; init; }

    /// <summary>A second phone number (<c>secondary_phone</c>). Default <see langword="null"/>.</summary>
    public string? SecondaryPhone { get; init; }

    /// <summary>A profile page (<c>profile_url</c>). Default <see langword="null"/>.</summary>
    public string? ProfileUrl { get; init; }

    /// <summary>A photo's URL (<c>photo</c>). Default <see langword="null"/>.</summary>
    public string? Photo { get; init; }

    /// <summary>The preferred language (<c>preferred_language</c>). Default <see langword="null"/>.</summary>
    public string? PreferredLanguage { get; init; }

    /// <summary>The locale (<c>locale</c>). Default <see langword="null"/>.</summary>
    public string? Locale { get; init; }

    /// <summary>The time zone (<c>timezone</c>). Default <see langword="null"/>.</summary>
    public string? Timezone { get; init; }

    /// <summary>The full postal address, formatted for display (<c>formatted_address</c>). Default <see langword="null"/>.</summary>
    public string? FormattedAddress { get; init; }

    /// <summary>The street address (<c>street_address</c>). Default <see langword="null"/>.</summary>
    public string? StreetAddress { get; init; }

    /// <summary>The city or locality (<c>locality</c>). Default <see langword="null"/>.</summary>
    public string? Locality { get; init; }

    /// <summary>The state or region (<c>region</c>). Default <see langword="null"/>.</summary>
    public string? Region { get; init; }

    /// <summary>The postal code (<c>postal_code</c>). Default <see langword="null"/>.</summary>
    public string? PostalCode { get; init; }

    /// <summary>The country (<c>country</c>). Default <see langword="null"/>.</summary>
    public string? Country { get; init; }

    /// <summary>The kind of user (<c>user_type</c>). Default <see langword="null"/>.</summary>
    public string? UserType { get; init; }

    /// <summary>An employee number (<c>employee_number</c>). Default <see langword="null"/>.</summary>
    public string? EmployeeNumber { get; init; }

    /// <summary>A cost center (<c>cost_center</c>). Default <see langword="null"/>.</summary>
    public string? CostCenter { get; init; }

    /// <summary>An organization (<c>organization</c>). Default <see langword="null"/>.</summary>
    public string? Organization { get; init; }

    /// <summary>A division (<c>division</c>). Default <see langword="null"/>.</summary>
    public string? Division { get; init; }

    /// <summary>A department (<c>department</c>). Default <see langword="null"/>.</summary>
    public string? Department { get; init; }

    /// <summary>The manager's id (<c>manager_id</c>). Default <see langword="null"/>.</summary>
    public string? ManagerId { get; init; }

    /// <summary>The manager's name (<c>manager_name</c>). Default <see langword="null"/>.</summary>
    public string? ManagerName { get; init; }
}
