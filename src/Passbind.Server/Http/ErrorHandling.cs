using Microsoft.AspNetCore.Diagnostics;
using Passbind.Server.Operations;

namespace Passbind.Server.Http;

/// <summary>
/// The last line of defence: anything unexpected becomes a 500 with no detail (the exception goes to the
/// log), a body the server could not read stays a client error, and unknown routes and methods answer in
/// the API's error shape.
/// </summary>
internal static class ErrorHandling
{
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(context =>
        {
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var error = exception switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiError.PayloadTooLarge(JsonBody<object>.MaxBytes),
                BadHttpRequestException => ApiError.InvalidRequest(),
                OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
                _ => StorageFailure.From(exception!) ?? ApiError.Internal(),
            };

            if (error?.Status == StatusCodes.Status500InternalServerError)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Passbind.Server.Errors");
                Log.UnhandledError(logger, exception!, context.Request.Method, context.Request.Path);
            }
            else if (error?.Status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status507InsufficientStorage)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Passbind.Server.Errors");
                Log.StorageFailed(logger, error.Code, context.Request.Method, context.Request.Path, exception!.GetBaseException().Message);
            }

            return error?.ExecuteAsync(context) ?? Task.CompletedTask;
        }));

        app.UseStatusCodePages(context =>
        {
            var response = context.HttpContext.Response;
            if (response.HasStarted || response.ContentLength > 0 || response.ContentType is not null)
            {
                return Task.CompletedTask;
            }

            return response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ApiError.RouteNotFound().ExecuteAsync(context.HttpContext),
                StatusCodes.Status405MethodNotAllowed => ApiError.MethodNotAllowed().ExecuteAsync(context.HttpContext),
                StatusCodes.Status401Unauthorized => ApiError.Unauthorized().ExecuteAsync(context.HttpContext),
                _ => Task.CompletedTask,
            };
        });

        return app;
    }
}
