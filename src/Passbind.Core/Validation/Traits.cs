namespace Passbind.Core.Validation;

/// <summary>The keys of Beyond Identity's <c>traits_v0</c>, all strings.</summary>
public static class Traits
{
    public const string TypeV0 = "traits_v0";
    public const string Username = "username";
    public const string PrimaryEmailAddress = "primary_email_address";
    public const string ExternalId = "external_id";

    public static readonly IReadOnlySet<string> V0Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "username", "primary_email_address", "secondary_email_address", "external_id", "family_name", "given_name",
        "formatted_name", "middle_name", "honorific_prefix", "honorific_suffix", "nick_name", "title", "primary_phone",
        "secondary_phone", "profile_url", "photo", "preferred_language", "locale", "timezone", "formatted_address",
        "street_address", "locality", "region", "postal_code", "country", "user_type", "employee_number", "cost_center",
        "organization", "division", "department", "manager_id", "manager_name",
    };
}
