using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Passbind.Server.Features.Sdk;

/// <summary>
/// A static file compiled into the server assembly (served with no build step and no file on disk), with a
/// strong ETag made from its content so that a browser's revalidation answers 304.
/// </summary>
internal sealed class EmbeddedAsset
{
    private EmbeddedAsset(byte[] content, string contentType)
    {
        Content = content;
        ContentType = contentType;
        EntityTag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"");
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    public EntityTagHeaderValue EntityTag { get; }

    /// <summary>Reads a manifest resource of the server assembly; a missing one is a build defect, so it throws.</summary>
    public static EmbeddedAsset Load(string logicalName, string contentType)
    {
        using var stream = typeof(EmbeddedAsset).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"The server assembly has no embedded resource '{logicalName}'.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new EmbeddedAsset(buffer.ToArray(), contentType);
    }

    /// <summary>The file, or 304 when the request's <c>If-None-Match</c> names its ETag.</summary>
    public FileContentHttpResult ToResult() => TypedResults.File(Content, ContentType, entityTag: EntityTag);
}
