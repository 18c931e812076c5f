var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => TypedResults.Ok());
app.Run();

/// <summary>The server's entry point, visible to the in-process test host.</summary>
public partial class Program;
