namespace Passbind.Client;

/// <summary>A page of <c>authenticator_configs</c> as the server sends it.</summary>
internal sealed record ListAuthenticatorConfigsResponse
{
    public List<AuthenticatorConfig>? AuthenticatorConfigs { get; init; }
    public long TotalSize { get; init; }
    public string? NextPageToken { get; init; }

    public PassbindPage<AuthenticatorConfig> ToPage() => new(AuthenticatorConfigs ?? [], TotalSize, NextPageToken);
}
