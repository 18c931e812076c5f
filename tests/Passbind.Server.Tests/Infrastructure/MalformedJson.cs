namespace Passbind.Server.Tests.Infrastructure;

/// <summary>Request bodies every create or update endpoint must refuse as malformed JSON.</summary>
internal static class MalformedJson
{
    /// <summary>Empty, truncated, not JSON, an array and null, then <paramref name="endpointSpecific"/> (duplicate keys, deep nesting…).</summary>
    public static TheoryData<string> Bodies(params string[] endpointSpecific)
    {
        var bodies = new TheoryData<string> { "", "{", "not json", "[]", "null" };
        foreach (var body in endpointSpecific)
        {
            bodies.Add(body);
        }

        return bodies;
    }
}
