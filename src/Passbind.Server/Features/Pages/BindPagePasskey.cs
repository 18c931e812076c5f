namespace Passbind.Server.Features.Pages;

/// <summary>The passkey a rendered <c>/bind</c> page shows (the page's script fills the same fields after a bind).</summary>
internal sealed record BindPagePasskey(string Account, string Email, string PasskeyId, string Created);
