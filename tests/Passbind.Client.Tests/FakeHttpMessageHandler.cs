using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Passbind.Client.Tests;

/// <summary>
/// Records every request and answers from a queue of canned responses. Token endpoint requests are answered by
/// <see cref="TokenResponder"/> when one is set, so API responses can be queued without interleaving tokens.
/// </summary>
internal sealed class FakeHttpMessageHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(HttpStatusCode Status, string? Body)> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> ApiRequests => [.. _requests.Where(r => !r.IsTokenRequest)];

    public IReadOnlyList<RecordedRequest> TokenRequests => [.. _requests.Where(r => r.IsTokenRequest)];

    /// <summary>Answers token requests; gets the 1-based number of the token request.</summary>
    public Func<int, (HttpStatusCode Status, string Body)>? TokenResponder { get; set; }

    /// <summary>When set, token requests wait for it, so concurrent callers pile up behind one refresh.</summary>
    public Task? TokenGate { get; set; }

    public void Enqueue(HttpStatusCode status, string? body = null) => _responses.Enqueue((status, body));

    public void EnqueueOk(string body) => Enqueue(HttpStatusCode.OK, body);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            body);
        _requests.Enqueue(recorded);

        if (recorded.IsTokenRequest && TokenGate is not null)
        {
            await TokenGate.WaitAsync(cancellationToken);
        }

        (HttpStatusCode Status, string? Body) answer;
        if (recorded.IsTokenRequest && TokenResponder is not null)
        {
            answer = TokenResponder(TokenRequests.Count);
        }
        else if (!_responses.TryDequeue(out answer))
        {
            throw new InvalidOperationException($"No response queued for {request.Method} {request.RequestUri}.");
        }

        var response = new HttpResponseMessage(answer.Status) { RequestMessage = request };
        // DELETE answers 200 with an empty body: no content type then, as a real server sends.
        response.Content = answer.Body is null
            ? new ByteArrayContent([])
            : new StringContent(answer.Body, Encoding.UTF8, "application/json");
        return response;
    }
}
