namespace Passbind.Client.Tests;

/// <summary>Response bodies exactly as the wire contract (beyond-identity-api.md) shows them.</summary>
internal static class SpecExamples
{
    public const string Tenant =
        """{"id":"000176d94fd7b4d1","display_name":"Test Tenant","create_time":"2022-01-28T12:00:02.423Z","update_time":"2022-04-19T15:17:21.186Z"}""";

    public const string Realm =
        """{"id":"19a95130480dfa79","tenant_id":"0001f1f460b1ace6","display_name":"Test Realm","classification":"SECURE_WORKFORCE","create_time":"2022-05-18T18:00:01.167Z","update_time":"2022-05-19T14:23:01.327Z"}""";

    public const string Identity =
        """{"id":"e372db224c06e850","realm_id":"8f5bec58229e6f29","tenant_id":"0001f1f460b1ace6","display_name":"Test Identity","create_time":"2022-04-12T05:53:07.119Z","update_time":"2022-06-16T14:31:03.770Z","enrollment_status":"UNENROLLED","traits":{"type":"traits_v0","username":"test","primary_email_address":"test@example.com"}}""";

    public const string Credential =
        """{"id":"81490afab171aef0","identity_id":"e85de356dc78843a","realm_id":"7df92e4a38ba0993","tenant_id":"0001b42d80372976","state":"ACTIVE","csr_type":"JWT","jwk_json":"{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"2MRhz05PJPq3BUfB18AT3HqgWEkI3VpWUg1MWi8rz1g\",\"y\":\"YtvLYwGEqYQaoDVok2fVziJT4fu7DFPz3hy96FTAelQ\"}","jwk_thumbprint":"UW-uVNL0mP1vcLjHrTBxibNgCEe_PD0HIsE3FrbYjPA=","create_time":"2022-03-14T03:42:52.905657Z","update_time":"2022-06-14T05:55:23.823187Z"}""";

    public const string Job =
        """{"id":"c4fc2d753ca22b14","realm_id":"cdf4862dc4d49791","tenant_id":"000183a77dd50fa9","identity_id":"87fabad6956c6d4b","delivery_method":"RETURN","state":"LINK_SENT","post_binding_redirect_uri":"http://example.com/callback","authenticator_config_id":"67bb0acf12e5c899","expire_time":"2022-03-21T03:42:52.905657Z","create_time":"2022-03-14T03:42:52.905657Z","update_time":"2022-03-15T05:55:23.823187Z"}""";

    public const string BindingLink =
        "http://example.com/v1/tenants/000183a77dd50fa9/realms/cdf4862dc4d49791/identities/87fabad6956c6d4b/credential-binding-jobs/c4fc2d753ca22b14:invokeAuthenticator?token=1St9IKIIrYyQ8sOSeuk5UkbLKnBJhuD4I7nWIqt-BNANDEFS-XVuOHxB7TFdZcRm";

    public static readonly string CreateReturnJobResponse =
        $$"""{"credential_binding_job":{{Job}},"credential_binding_link":"{{BindingLink}}"}""";

    public const string CreateEmailJobResponse =
        """{"credential_binding_job":{"id":"c4fc2d753ca22b14","realm_id":"cdf4862dc4d49791","tenant_id":"000183a77dd50fa9","identity_id":"87fabad6956c6d4b","delivery_method":"EMAIL","state":"LINK_SENT","post_binding_redirect_uri":"http://example.com","authenticator_config_id":"67bb0acf12e5c899","expire_time":"2022-03-21T03:42:52.905657Z","create_time":"2022-03-14T03:42:52.905657Z","update_time":"2022-03-14T03:42:52.905657Z"}}""";

    public const string AuthenticatorConfig =
        """{"id":"73731b7f-eb76-4143-9b4b-81a720385f5a","realm_id":"caf2ff640497591a","tenant_id":"00011f1183c67b69","display_name":"Pet Authenticator Configuration","config":{"type":"embedded","invoke_url":"http://localhost:8092","invocation_type":"automatic","trusted_origins":["http://localhost:8092"],"authentication_methods":[{"type":"email_one_time_password"},{"type":"software_passkey"},{"type":"webauthn_passkey"}]}}""";

    public const string FieldViolationError =
        """{"code":"bad_request","message":"invalid parameters","details":[{"type":"FieldViolations","field_violations":[{"field":"identity.display_name","description":"empty string"}]}]}""";

    public const string NotFoundError =
        """{"code":"not_found","message":"identity not found","details":[{"type":"ResourceInfo","resource_type":"Identity","id":"e372db224c06e850","description":"identity not found"}]}""";

    public const string Unauthorized = """{"code":"unauthorized","message":"unauthorized"}""";

    public const string Conflict = """{"code":"conflict","message":"username already exists"}""";

    public const string MissingEmail =
        """{"code":"unprocessable_entity","message":"Identity missing email address","details":[{"type":"ResourceInfo","resource_type":"Identity","id":"69f4d38f840c13ab","description":"Identity missing email address"}]}""";

    public static string Token(string accessToken, int expiresIn = 86400) =>
        $$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":{{expiresIn}},"scope":"identities:create credential-binding-jobs:create"}""";

    public static string IdentityPage(string? nextPageToken, long totalSize, params string[] ids)
    {
        var items = string.Join(",", ids.Select(id => Identity.Replace("e372db224c06e850", id, StringComparison.Ordinal)));
        var next = nextPageToken is null ? "" : $",\"next_page_token\":\"{nextPageToken}\"";
        return $$"""{"identities":[{{items}}],"total_size":{{totalSize}}{{next}}}""";
    }
}
