namespace Passbind.Server.Features.RateLimits;

/// <summary>At most <see cref="Limit"/> events per fixed window of <see cref="Window"/>; zero is no limit.</summary>
internal sealed class RateLimit
{
    public RateLimit()
    {
    }

    public RateLimit(int limit, TimeSpan window)
    {
        Limit = limit;
        Window = window;
    }

    public int Limit { get; set; }

    public TimeSpan Window { get; set; }
}
