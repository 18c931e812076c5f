using System.Diagnostics;
using System.Security.Cryptography;
using Passbind.Core.WebAuthn;

namespace Passbind.Bench.Ceilings;

/// <summary>
/// The verification ceiling: <see cref="RegistrationVerifier"/> (Fido2NetLib plus the Level 3 checks) on
/// pre-made packed self-attested ES256 responses, in process, one worker per core, nothing else running.
/// </summary>
internal static class VerifierCeiling
{
    public static async Task<double> MeasureAsync(TimeSpan duration, bool packed, CancellationToken cancellationToken)
    {
        const string rpId = "127.0.0.1";
        var verifier = new RegistrationVerifier();
        var cases = Enumerable.Range(0, 512).Select(_ =>
        {
            var challenge = RandomNumberGenerator.GetBytes(RegistrationOptionsFactory.ChallengeSize);
            var userHandle = RandomNumberGenerator.GetBytes(32);
            var expected = new ExpectedRegistration(challenge, rpId, [PackedSelfAuthenticator.Origin], false, CoseAlgorithms.Offered.ToArray(), userHandle);
            return (Expected: expected, Json: (ReadOnlyMemory<byte>)PackedSelfAuthenticator.Register(rpId, challenge, packed));
        }).ToArray();

        // A first pass proves every response verifies and warms the JIT.
        foreach (var (expected, json) in cases)
        {
            var result = await verifier.VerifyAsync(expected, json, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"the ceiling's own response failed verification: {result.Failure.Code}");
            }
        }

        long verified = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount).Select(worker => Task.Run(async () =>
        {
            var i = worker;
            while (stopwatch.Elapsed < duration)
            {
                var (expected, json) = cases[i++ % cases.Length];
                if ((await verifier.VerifyAsync(expected, json, cancellationToken)).Succeeded)
                {
                    Interlocked.Increment(ref verified);
                }
            }
        }, cancellationToken)));
        return verified / stopwatch.Elapsed.TotalSeconds;
    }
}
