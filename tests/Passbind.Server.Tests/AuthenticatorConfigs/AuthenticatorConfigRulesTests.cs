using Passbind.Core.Validation;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Http;

namespace Passbind.Server.Tests.AuthenticatorConfigs;

public sealed class AuthenticatorConfigRulesTests
{
    private const string Field = "authenticator_config.config";

    private static readonly AuthenticatorConfigSettings StoredEmbedded = new(
        AuthenticatorConfigRules.Embedded, "http://localhost:8092", AuthenticatorConfigRules.Manual,
        ["http://localhost:8092"], [AuthenticatorConfigRules.WebAuthnPasskey]);

    private static readonly AuthenticatorConfigSettings StoredHostedWeb = new(
        AuthenticatorConfigRules.HostedWeb, null, null, ["https://app.example"], [AuthenticatorConfigRules.WebAuthnPasskey]);

    [Fact]
    public void Create_SpecExample_DefaultsInvocationTypeAndEveryMethod()
    {
        var violations = new List<FieldViolation>();

        var settings = AuthenticatorConfigRules.Create(
            new ConfigFields("embedded", "http://localhost:8092", null, ["http://localhost:8092"], null), Field, violations);

        Assert.Empty(violations);
        Assert.NotNull(settings);
        Assert.Equal("automatic", settings.InvocationType);
        Assert.Equal(["http://localhost:8092"], settings.TrustedOrigins);
        Assert.Equal(["webauthn_passkey", "software_passkey", "email_one_time_password"], settings.AuthenticationMethods);
    }

    [Fact]
    public void Create_AppSchemeInvokeUrl_IsAccepted()
    {
        var violations = new List<FieldViolation>();

        var settings = AuthenticatorConfigRules.Create(
            new ConfigFields("embedded", "myapp://", null, ["passbind-sdk://dotnet", "myapp://app"], null), Field, violations, AppSchemes.Of(["passbind-sdk", "myapp"]));

        Assert.Empty(violations);
        Assert.Equal("myapp://", settings?.InvokeUrl);
    }

    [Fact]
    public void Create_AppSchemeNotConfigured_NamesInvokeUrlAndOrigin()
    {
        var violations = new List<FieldViolation>();

        AuthenticatorConfigRules.Create(new ConfigFields("embedded", "myapp://", null, ["myapp://app"], null), Field, violations);

        Assert.Equal([$"{Field}.invoke_url", $"{Field}.trusted_origins[0]"], violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData("about")]
    [InlineData("blob")]
    [InlineData("chrome-extension")]
    [InlineData("javascript")]
    [InlineData("https")]
    [InlineData("My App")]
    public void AppSchemes_BrowserOrInvalidScheme_CannotBeConfigured(string scheme) =>
        Assert.Throws<ArgumentException>(() => AppSchemes.Of([scheme]));

    [Fact]
    public void Create_EmbeddedWithoutInvokeUrlOrOrigins_NamesBothFields()
    {
        var violations = new List<FieldViolation>();

        var settings = AuthenticatorConfigRules.Create(new ConfigFields("embedded", null, null, null, null), Field, violations);

        Assert.Null(settings);
        Assert.Equal(["authenticator_config.config.invoke_url", "authenticator_config.config.trusted_origins"], violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("platform", "must be embedded or hosted_web")]
    public void Create_MissingOrUnknownType_IsRefused(string? type, string description)
    {
        var violations = new List<FieldViolation>();

        var settings = AuthenticatorConfigRules.Create(new ConfigFields(type, "https://a.example", null, ["https://a.example"], null), Field, violations);

        Assert.Null(settings);
        Assert.Equal(new FieldViolation("authenticator_config.config.type", description), Assert.Single(violations));
    }

    [Fact]
    public void Create_HostedWebWithoutMethods_IsRefused()
    {
        var violations = new List<FieldViolation>();

        var settings = AuthenticatorConfigRules.Create(new ConfigFields("hosted_web", null, null, ["https://a.example"], null), Field, violations);

        Assert.Null(settings);
        Assert.Equal("authenticator_config.config.authentication_methods", Assert.Single(violations).Field);
    }

    [Fact]
    public void Create_HostedWeb_IgnoresEmbeddedOnlyFields()
    {
        var violations = new List<FieldViolation>();

        var settings = AuthenticatorConfigRules.Create(
            new ConfigFields("hosted_web", "https://ignored.example", "manual", ["https://a.example"], [new("webauthn_passkey")]), Field, violations);

        Assert.Empty(violations);
        Assert.NotNull(settings);
        Assert.Null(settings.InvokeUrl);
        Assert.Null(settings.InvocationType);
    }

    [Fact]
    public void Create_BadOriginsAndMethods_NameEachElement()
    {
        var violations = new List<FieldViolation>();

        AuthenticatorConfigRules.Create(
            new ConfigFields("embedded", "https://a.example", null, ["https://a.example", "https://a.example/", null], [new("password"), null]),
            Field,
            violations);

        Assert.Equal(
            [
                "authenticator_config.config.trusted_origins[1]",
                "authenticator_config.config.trusted_origins[2]",
                "authenticator_config.config.authentication_methods[0].type",
                "authenticator_config.config.authentication_methods[1].type",
            ],
            violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData("https://a.example/app?x=1")]
    [InlineData("https://a.example/app#top")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative")]
    public void Create_InvokeUrlThatCannotTakeABindPath_IsRefused(string invokeUrl)
    {
        var violations = new List<FieldViolation>();

        var settings = AuthenticatorConfigRules.Create(new ConfigFields("embedded", invokeUrl, null, ["https://a.example"], null), Field, violations);

        Assert.Null(settings);
        Assert.Equal("authenticator_config.config.invoke_url", Assert.Single(violations).Field);
    }

    [Fact]
    public void Create_DuplicateOriginsAndMethods_AreDroppedInOrder()
    {
        var violations = new List<FieldViolation>();

        var settings = AuthenticatorConfigRules.Create(
            new ConfigFields("embedded", "https://a.example", null, ["https://b.example", "https://a.example", "https://b.example"],
                [new("software_passkey"), new("webauthn_passkey"), new("software_passkey")]),
            Field,
            violations);

        Assert.Empty(violations);
        Assert.Equal(["https://b.example", "https://a.example"], settings?.TrustedOrigins);
        Assert.Equal(["software_passkey", "webauthn_passkey"], settings?.AuthenticationMethods);
    }

    [Fact]
    public void Create_TooManyOrigins_IsOneViolation()
    {
        var violations = new List<FieldViolation>();
        var origins = Enumerable.Range(0, AuthenticatorConfigRules.MaxTrustedOrigins + 1).Select(i => (string?)$"https://{i}.example").ToList();

        AuthenticatorConfigRules.Create(new ConfigFields("embedded", "https://a.example", null, origins, null), Field, violations);

        Assert.Equal("authenticator_config.config.trusted_origins", Assert.Single(violations).Field);
    }

    [Fact]
    public void Merge_SpecPatchExample_ChangesOnlyInvokeUrl()
    {
        var violations = new List<FieldViolation>();

        var merged = AuthenticatorConfigRules.Merge(StoredEmbedded, new ConfigFields(null, "http://localhost:9000", null, null, null), Field, violations);

        Assert.Empty(violations);
        Assert.Equal(StoredEmbedded with { InvokeUrl = "http://localhost:9000" }, merged, SettingsComparer.Instance);
    }

    [Fact]
    public void Merge_Lists_ReplaceRatherThanAppend()
    {
        var violations = new List<FieldViolation>();

        var merged = AuthenticatorConfigRules.Merge(
            StoredEmbedded, new ConfigFields(null, null, null, ["https://new.example"], [new("software_passkey")]), Field, violations);

        Assert.Empty(violations);
        Assert.Equal(["https://new.example"], merged?.TrustedOrigins);
        Assert.Equal(["software_passkey"], merged?.AuthenticationMethods);
        Assert.Equal(StoredEmbedded.InvocationType, merged?.InvocationType);
    }

    [Fact]
    public void Merge_SameType_IsAccepted()
    {
        var violations = new List<FieldViolation>();

        var merged = AuthenticatorConfigRules.Merge(StoredEmbedded, new ConfigFields("embedded", null, "automatic", null, null), Field, violations);

        Assert.Empty(violations);
        Assert.Equal("automatic", merged?.InvocationType);
    }

    [Fact]
    public void Merge_OtherType_IsRefused()
    {
        var violations = new List<FieldViolation>();

        var merged = AuthenticatorConfigRules.Merge(StoredEmbedded, new ConfigFields("hosted_web", null, null, null, null), Field, violations);

        Assert.Null(merged);
        Assert.Equal(new FieldViolation("authenticator_config.config.type", "cannot be changed"), Assert.Single(violations));
    }

    [Fact]
    public void Merge_EmptyLists_AreRefused()
    {
        var violations = new List<FieldViolation>();

        var merged = AuthenticatorConfigRules.Merge(StoredEmbedded, new ConfigFields(null, null, null, [], []), Field, violations);

        Assert.Null(merged);
        Assert.Equal(
            ["authenticator_config.config.trusted_origins", "authenticator_config.config.authentication_methods"],
            violations.Select(v => v.Field));
    }

    [Fact]
    public void Merge_HostedWeb_KeepsNoInvokeUrl()
    {
        var violations = new List<FieldViolation>();

        var merged = AuthenticatorConfigRules.Merge(StoredHostedWeb, new ConfigFields(null, "https://ignored.example", null, null, null), Field, violations);

        Assert.Empty(violations);
        Assert.Null(merged?.InvokeUrl);
    }

    [Fact]
    public void Create_FieldPrefix_IsTheCallers()
    {
        var violations = new List<FieldViolation>();

        AuthenticatorConfigRules.Create(new ConfigFields("embedded", null, null, ["https://a.example"], null), "job.authenticator_config.config", violations);

        Assert.Equal("job.authenticator_config.config.invoke_url", Assert.Single(violations).Field);
    }

    /// <summary>Records compare lists by reference; settings are equal when their lists hold the same items in order.</summary>
    private sealed class SettingsComparer : IEqualityComparer<AuthenticatorConfigSettings?>
    {
        public static readonly SettingsComparer Instance = new();

        public bool Equals(AuthenticatorConfigSettings? x, AuthenticatorConfigSettings? y) =>
            x is not null && y is not null
            && x.Type == y.Type && x.InvokeUrl == y.InvokeUrl && x.InvocationType == y.InvocationType
            && x.TrustedOrigins.SequenceEqual(y.TrustedOrigins) && x.AuthenticationMethods.SequenceEqual(y.AuthenticationMethods);

        public int GetHashCode(AuthenticatorConfigSettings? obj) => obj?.Type.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
