namespace Passbind.Server.Operations;

/// <summary>One setting that stops the server from starting: the key, what is wrong with it and how to fix it, in one line.</summary>
internal sealed record ConfigurationProblem(string Key, string Problem, string Fix)
{
    public override string ToString() => $"{Key}: {Problem}. {Fix}";
}
