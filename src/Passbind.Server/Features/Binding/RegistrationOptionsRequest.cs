namespace Passbind.Server.Features.Binding;

/// <summary>The body of <c>:registrationOptions</c> (docs/binding-protocol.md §2).</summary>
internal sealed record RegistrationOptionsRequest(string? Token, string? KeyType);
