using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Hosting;

/// <summary>
/// The settings at the root of the <c>Passbind</c> section (environment: <c>Passbind__…</c>): where the server
/// keeps its data and the address it writes into links. Every other area has its own section and options class
/// beside its feature (docs/architecture.md lists them).
/// </summary>
internal sealed class ServerOptions
{
    public const string SectionName = "Passbind";

    /// <summary>Where the embedded database, the master key and bootstrap.json live. Default <c>data</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The base of every link and URL the server writes. Default: the first address it listens on. Never
    /// taken from a request's Host header.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
