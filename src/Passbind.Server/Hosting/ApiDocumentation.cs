using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Passbind.Server.Hosting;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and its interactive reference (<c>/docs/api</c>), both
/// anonymous: they describe the API, they do not open it.
/// </summary>
internal static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/docs/api";
    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddPassbindOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Passbind API",
                    Version = typeof(ApiDocumentation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0",
                    Description = "The v1 management API, wire-compatible with Beyond Identity's. "
                        + "Bearer tokens come from the client-credentials token endpoint, or from bootstrap.json's api_token.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A management access token: Authorization: Bearer <token>.",
                };
                return Task.CompletedTask;
            });

            // .NET marks every constructor parameter required, but on this wire a nullable property is one a
            // request may omit and a response leaves out when unset.
            options.AddSchemaTransformer((schema, _, _) =>
            {
                if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        if (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
                        {
                            required.Remove(name);
                        }
                    }
                }

                return Task.CompletedTask;
            });

            // Only the endpoints that demand a token say so; the token endpoint and health check stay open.
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                    });
                }

                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Passbind API")
                .WithOpenApiRoutePattern(DocumentPath)
                .AddPreferredSecuritySchemes(BearerScheme)
                .DisableTelemetry())
            .AllowAnonymous();
        return app;
    }
}
