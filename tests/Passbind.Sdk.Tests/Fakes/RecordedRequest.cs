namespace Passbind.Sdk.Tests.Fakes;

/// <summary>A request the fake server received.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Url, string Body);
