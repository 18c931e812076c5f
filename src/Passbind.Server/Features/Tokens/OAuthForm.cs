namespace Passbind.Server.Features.Tokens;

/// <summary>The <c>application/x-www-form-urlencoded</c> body every OAuth endpoint takes.</summary>
internal static class OAuthForm
{
    /// <summary>The form, or null when the body is not a form (or not a readable one).</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
    }
}
