using System.Buffers.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Passbind.Core.WebAuthn;

namespace Passbind.Core.Tests.WebAuthn;

public sealed class AuthenticationVerifierTests : IDisposable
{
    private const string SdkOrigin = "passbind-sdk://dotnet";

    private static readonly AuthenticationVerifier Verifier = new();
    private static readonly byte[] UserHandle = RandomNumberGenerator.GetBytes(32);

    // 0xfb 0xff encode to "+/" in standard base64, so a standard-base64 challenge differs from base64url.
    private readonly byte[] _challenge = [0xfb, 0xff, .. RandomNumberGenerator.GetBytes(30)];
    private readonly List<SoftwareAuthenticator> _authenticators = [];

    public void Dispose()
    {
        foreach (var authenticator in _authenticators)
        {
            authenticator.Dispose();
        }
    }

    /// <summary>A credential of the given algorithm and a known-good assertion of it, naming the user handle.</summary>
    private SoftwareAssertion Assertion(int algorithm = CoseAlgorithms.ES256)
    {
        var authenticator = new SoftwareAuthenticator(_challenge);
        _authenticators.Add(authenticator);
        if (algorithm == CoseAlgorithms.RS256)
        {
            authenticator.RsaCredentialKey = RSA.Create(2048);
        }

        var assertion = authenticator.Assert(_challenge);
        assertion.UserHandle = UserHandle;
        return assertion;
    }

    private static CredentialRecord Record(SoftwareAssertion assertion, uint signCount = 0, bool backupEligible = false, bool backupState = false) => new(
        Id: assertion.Authenticator.CredentialId,
        PublicKey: assertion.Authenticator.CredentialPublicKey,
        SignCount: signCount,
        BackupEligible: backupEligible,
        BackupState: backupState,
        UserHandle: UserHandle);

    private ExpectedAssertion Expected(CredentialRecord record, bool userVerificationRequired = false, IReadOnlyCollection<ReadOnlyMemory<byte>>? allow = null) => new(
        Challenge: _challenge,
        RpId: SoftwareAuthenticator.DefaultRpId,
        TrustedOrigins: [SoftwareAuthenticator.DefaultOrigin, SdkOrigin],
        UserVerificationRequired: userVerificationRequired,
        AllowCredentialIds: allow ?? [],
        Credential: record);

    private Task<AuthenticationResult> VerifyAsync(SoftwareAssertion assertion, ExpectedAssertion? expected = null) =>
        Verifier.VerifyAsync(expected ?? Expected(Record(assertion)), assertion.CreateResponseJson());

    private Task<AuthenticationResult> VerifyAsync(SoftwareAssertion assertion, JsonNode response) =>
        Verifier.VerifyAsync(Expected(Record(assertion)), Encoding.UTF8.GetBytes(response.ToJsonString()));

    private static void AssertFails(AuthenticationFailureReason expected, AuthenticationResult result)
    {
        Assert.False(result.Succeeded, "expected failure " + expected);
        Assert.Equal(expected, result.Failure.Reason);
    }

    private static VerifiedAssertion AssertSucceeds(AuthenticationResult result)
    {
        Assert.True(result.Succeeded, result.Failure?.Code);
        return result.Assertion;
    }

    private static byte[] Sha256(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    // ---- #39 known-good assertions ----

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_KnownGoodAssertion_SucceedsWithCountAndFlags(int algorithm)
    {
        var assertion = Assertion(algorithm);
        assertion.SignCount = 8;

        var result = await VerifyAsync(assertion, Expected(Record(assertion, signCount: 7)));

        var verified = AssertSucceeds(result);
        Assert.Equal(assertion.CredentialId, verified.CredentialId.ToArray());
        Assert.Equal(8u, verified.SignCount);
        Assert.True(verified.UserVerified);
        Assert.False(verified.BackupEligible);
        Assert.False(verified.BackupState);
        Assert.False(verified.BackupStateChanged);
    }

    [Theory]
    [InlineData(CoseAlgorithms.ES256, AttestationKind.None)]
    [InlineData(CoseAlgorithms.RS256, AttestationKind.PackedSelf)]
    public async Task VerifyAsync_RecordFromAVerifiedRegistration_Succeeds(int algorithm, AttestationKind attestation)
    {
        var authenticator = new SoftwareAuthenticator(_challenge, attestation);
        _authenticators.Add(authenticator);
        if (algorithm == CoseAlgorithms.RS256)
        {
            authenticator.RsaCredentialKey = RSA.Create(2048);
            authenticator.PackedAlgorithm = CoseAlgorithms.RS256;
        }

        var registered = await new RegistrationVerifier().VerifyAsync(
            new ExpectedRegistration(_challenge, SoftwareAuthenticator.DefaultRpId, [SoftwareAuthenticator.DefaultOrigin], false, CoseAlgorithms.Offered, UserHandle),
            authenticator.CreateResponseJson());
        Assert.True(registered.Succeeded, registered.Failure?.Code);
        var registration = registered.Registration;
        var record = new CredentialRecord(registration.CredentialId, registration.CredentialPublicKey, registration.SignCount, registration.BackupEligible, registration.BackupState, UserHandle);
        var assertion = authenticator.Assert(_challenge);
        assertion.UserHandle = UserHandle;

        var verified = AssertSucceeds(await Verifier.VerifyAsync(Expected(record), assertion.CreateResponseJson()));

        Assert.Equal(registration.CredentialId.ToArray(), verified.CredentialId.ToArray());
    }

    [Fact]
    public async Task VerifyAsync_AuthenticatorMadeForAnotherRpIdAndOrigin_RegistersAndAsserts()
    {
        using var authenticator = new SoftwareAuthenticator(_challenge, AttestationKind.PackedSelf, rpId: "localhost", origin: SdkOrigin);
        var registered = await new RegistrationVerifier().VerifyAsync(
            new ExpectedRegistration(_challenge, "localhost", [SdkOrigin], false, CoseAlgorithms.Offered, UserHandle),
            authenticator.CreateResponseJson());
        Assert.True(registered.Succeeded, registered.Failure?.Code);
        var assertion = authenticator.Assert(_challenge);
        assertion.UserHandle = UserHandle;
        var record = Record(assertion);

        var result = await Verifier.VerifyAsync(Expected(record) with { RpId = "localhost", TrustedOrigins = [SdkOrigin] }, assertion.CreateResponseJson());

        AssertSucceeds(result);
    }

    [Fact]
    public async Task VerifyAsync_ParsedJsonElement_Succeeds()
    {
        var assertion = Assertion();
        using var body = JsonDocument.Parse($$"""{"request":"r","credential":{{assertion.CreateResponse().ToJsonString()}}}""");

        var result = await Verifier.VerifyAsync(Expected(Record(assertion)), body.RootElement.GetProperty("credential"));

        AssertSucceeds(result);
    }

    [Fact]
    public async Task VerifyAsync_DotNetSdkOrigin_Succeeds()
    {
        var assertion = Assertion();
        assertion.ClientData["origin"] = SdkOrigin;

        AssertSucceeds(await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_MinimalEnvelopeWithoutOptionalMembers_Succeeds()
    {
        var assertion = Assertion();
        var response = assertion.CreateResponse();
        response.Remove("authenticatorAttachment");
        response.Remove("clientExtensionResults");

        AssertSucceeds(await VerifyAsync(assertion, response));
    }

    [Fact]
    public async Task VerifyAsync_NullUserHandleWithAllowCredentials_Succeeds()
    {
        var assertion = Assertion();
        var response = assertion.CreateResponse();
        response["response"]!["userHandle"] = null;

        var result = await Verifier.VerifyAsync(
            Expected(Record(assertion), allow: [assertion.CredentialId]),
            Encoding.UTF8.GetBytes(response.ToJsonString()));

        AssertSucceeds(result);
    }

    [Fact]
    public async Task VerifyAsync_CredentialAmongSeveralAllowed_Succeeds()
    {
        var assertion = Assertion();

        var result = await VerifyAsync(assertion, Expected(Record(assertion), allow: [RandomNumberGenerator.GetBytes(16), assertion.CredentialId]));

        AssertSucceeds(result);
    }

    [Fact]
    public async Task VerifyAsync_SameVerifierManyTimes_StaysCorrect()
    {
        for (var i = 0; i < 10; i++)
        {
            AssertSucceeds(await VerifyAsync(Assertion(i % 2 == 0 ? CoseAlgorithms.ES256 : CoseAlgorithms.RS256)));
        }
    }

    // ---- #41 clientDataJSON.type and challenge ----

    [Theory]
    [InlineData(CoseAlgorithms.ES256, "webauthn.create")]
    [InlineData(CoseAlgorithms.RS256, "webauthn.create")]
    [InlineData(CoseAlgorithms.ES256, "")]
    [InlineData(CoseAlgorithms.ES256, "WEBAUTHN.GET")]
    public async Task VerifyAsync_ClientDataTypeWrong_FailsWithClientDataType(int algorithm, string type)
    {
        var assertion = Assertion(algorithm);
        assertion.ClientData["type"] = type;

        AssertFails(AuthenticationFailureReason.ClientDataType, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_ClientDataTypeMissing_FailsWithClientDataType()
    {
        var assertion = Assertion();
        assertion.ClientData.Remove("type");

        AssertFails(AuthenticationFailureReason.ClientDataType, await VerifyAsync(assertion));
    }

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_ChallengeFromAnotherCeremony_FailsWithChallengeMismatch(int algorithm)
    {
        var assertion = Assertion(algorithm);
        assertion.ClientData["challenge"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

        AssertFails(AuthenticationFailureReason.ChallengeMismatch, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_ChallengeInStandardBase64_FailsWithChallengeMismatch()
    {
        var assertion = Assertion();
        assertion.ClientData["challenge"] = Convert.ToBase64String(_challenge);

        AssertFails(AuthenticationFailureReason.ChallengeMismatch, await VerifyAsync(assertion));
    }

    // ---- #42 origin, crossOrigin, topOrigin ----

    [Theory]
    [InlineData("https://evil.test")]
    [InlineData("http://id.t1.test")]
    [InlineData("https://id.t1.test:443")]
    [InlineData("https://sub.id.t1.test")]
    [InlineData("null")]
    [InlineData("")]
    public async Task VerifyAsync_OriginNotExactlyTrusted_FailsWithOriginNotAllowed(string origin)
    {
        var assertion = Assertion();
        assertion.ClientData["origin"] = origin;

        AssertFails(AuthenticationFailureReason.OriginNotAllowed, await VerifyAsync(assertion));
    }

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_CrossOriginTrue_FailsWithCrossOrigin(int algorithm)
    {
        var assertion = Assertion(algorithm);
        assertion.ClientData["crossOrigin"] = true;

        AssertFails(AuthenticationFailureReason.CrossOrigin, await VerifyAsync(assertion));
    }

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_TopOriginPresent_FailsWithTopOrigin(int algorithm)
    {
        var assertion = Assertion(algorithm);
        assertion.ClientData["topOrigin"] = "https://evil.test";

        AssertFails(AuthenticationFailureReason.TopOrigin, await VerifyAsync(assertion));
    }

    // ---- clientDataJSON encoding ----

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"type\":\"webauthn.get\"")]
    [InlineData("{\"type\":42}")]
    [InlineData("{\"type\":\"webauthn.get\",\"challenge\":1}")]
    public async Task VerifyAsync_ClientDataMalformed_FailsWithInvalidClientData(string clientData)
    {
        var assertion = Assertion();
        assertion.ClientDataJsonOverride = Encoding.UTF8.GetBytes(clientData);

        AssertFails(AuthenticationFailureReason.InvalidClientData, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_ClientDataDuplicateChallenge_FailsWithInvalidClientData()
    {
        var assertion = Assertion();
        var good = assertion.ClientData.ToJsonString();
        assertion.ClientDataJsonOverride = Encoding.UTF8.GetBytes(good[..^1] + ",\"challenge\":\"AAAA\"}");

        AssertFails(AuthenticationFailureReason.InvalidClientData, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_CrossOriginNotBoolean_FailsWithInvalidClientData()
    {
        var assertion = Assertion();
        assertion.ClientData["crossOrigin"] = "false";

        AssertFails(AuthenticationFailureReason.InvalidClientData, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_TokenBindingPresent_FailsWithInvalidClientData()
    {
        var assertion = Assertion();
        assertion.ClientData["tokenBinding"] = new JsonObject { ["status"] = "present", ["id"] = "AAAA" };

        AssertFails(AuthenticationFailureReason.InvalidClientData, await VerifyAsync(assertion));
    }

    // ---- #43 rpIdHash ----

    [Theory]
    [InlineData(CoseAlgorithms.ES256, "evil.test")]
    [InlineData(CoseAlgorithms.RS256, "evil.test")]
    [InlineData(CoseAlgorithms.ES256, "id.t2.test")]
    public async Task VerifyAsync_RpIdHashOfAnotherRpId_FailsWithRpIdMismatch(int algorithm, string rpId)
    {
        var assertion = Assertion(algorithm);
        assertion.RpIdHash = Sha256(rpId);

        AssertFails(AuthenticationFailureReason.RpIdMismatch, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_AppIdExtensionClaimedButNeverOffered_FailsWithRpIdMismatch()
    {
        var assertion = Assertion();
        assertion.RpIdHash = Sha256("https://id.t1.test/appid.json");
        var response = assertion.CreateResponse();
        response["clientExtensionResults"] = new JsonObject { ["appid"] = true };

        AssertFails(AuthenticationFailureReason.RpIdMismatch, await VerifyAsync(assertion, response));
    }

    // ---- #44 / #45 UP and UV ----

    [Theory]
    [InlineData(CoseAlgorithms.ES256, true)]
    [InlineData(CoseAlgorithms.ES256, false)]
    [InlineData(CoseAlgorithms.RS256, true)]
    public async Task VerifyAsync_UserPresentClear_FailsWithUserNotPresent(int algorithm, bool userVerified)
    {
        var assertion = Assertion(algorithm);
        assertion.Flags = userVerified ? AuthenticatorDataFlags.UserVerified : AuthenticatorDataFlags.None;

        AssertFails(AuthenticationFailureReason.UserNotPresent, await VerifyAsync(assertion));
    }

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_UserVerificationRequiredAndUvClear_FailsWithUserNotVerified(int algorithm)
    {
        var assertion = Assertion(algorithm);
        assertion.Flags = AuthenticatorDataFlags.UserPresent;

        AssertFails(AuthenticationFailureReason.UserNotVerified, await VerifyAsync(assertion, Expected(Record(assertion), userVerificationRequired: true)));
    }

    [Fact]
    public async Task VerifyAsync_UserVerificationRequiredAndUvSet_Succeeds()
    {
        var assertion = Assertion();

        AssertSucceeds(await VerifyAsync(assertion, Expected(Record(assertion), userVerificationRequired: true)));
    }

    [Fact]
    public async Task VerifyAsync_UserVerificationNotRequiredAndUvClear_SucceedsWithUserVerifiedFalse()
    {
        var assertion = Assertion();
        assertion.Flags = AuthenticatorDataFlags.UserPresent;

        var verified = AssertSucceeds(await VerifyAsync(assertion));

        Assert.False(verified.UserVerified);
    }

    // ---- #50 BE / BS ----

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_BackupStateWithoutBackupEligible_FailsWithInvalidBackupFlags(int algorithm)
    {
        var assertion = Assertion(algorithm);
        assertion.Flags |= AuthenticatorDataFlags.BackupState;

        AssertFails(AuthenticationFailureReason.InvalidBackupFlags, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_RecordBackupEligibleButAssertionNot_FailsWithInvalidBackupFlags()
    {
        var assertion = Assertion();

        AssertFails(AuthenticationFailureReason.InvalidBackupFlags, await VerifyAsync(assertion, Expected(Record(assertion, backupEligible: true))));
    }

    [Fact]
    public async Task VerifyAsync_AssertionBackupEligibleButRecordNot_FailsWithInvalidBackupFlags()
    {
        var assertion = Assertion();
        assertion.Flags |= AuthenticatorDataFlags.BackupEligible;

        AssertFails(AuthenticationFailureReason.InvalidBackupFlags, await VerifyAsync(assertion, Expected(Record(assertion, backupEligible: false))));
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public async Task VerifyAsync_BackupEligibleWithBackupState_SucceedsAndReportsAChange(bool stored, bool now, bool changed)
    {
        var assertion = Assertion();
        assertion.Flags |= AuthenticatorDataFlags.BackupEligible | (now ? AuthenticatorDataFlags.BackupState : AuthenticatorDataFlags.None);

        var verified = AssertSucceeds(await VerifyAsync(assertion, Expected(Record(assertion, backupEligible: true, backupState: stored))));

        Assert.True(verified.BackupEligible);
        Assert.Equal(now, verified.BackupState);
        Assert.Equal(changed, verified.BackupStateChanged);
    }

    // ---- #46 signature ----

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_SignatureBitFlipped_FailsWithInvalidSignature(int algorithm)
    {
        var assertion = Assertion(algorithm);
        assertion.CorruptSignature = true;

        AssertFails(AuthenticationFailureReason.InvalidSignature, await VerifyAsync(assertion));
    }

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_SignedOverAnotherClientDataHash_FailsWithInvalidSignature(int algorithm)
    {
        var assertion = Assertion(algorithm);
        var otherClientData = Encoding.UTF8.GetBytes(assertion.ClientData.ToJsonString().Replace("\"crossOrigin\":false", "\"crossOrigin\":false,\"other\":1", StringComparison.Ordinal));
        assertion.SignatureOverride = assertion.Authenticator.Sign([.. assertion.BuildAuthenticatorData(), .. SHA256.HashData(otherClientData)]);

        AssertFails(AuthenticationFailureReason.InvalidSignature, await VerifyAsync(assertion));
    }

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_SignedByAnotherKey_FailsWithInvalidSignature(int algorithm)
    {
        var assertion = Assertion(algorithm);
        var other = Assertion(algorithm);
        assertion.SignatureOverride = other.Authenticator.Sign([.. assertion.BuildAuthenticatorData(), .. SHA256.HashData(assertion.ClientDataJson)]);

        AssertFails(AuthenticationFailureReason.InvalidSignature, await VerifyAsync(assertion, Expected(Record(assertion))));
    }

    [Fact]
    public async Task VerifyAsync_CounterRaisedAfterSigning_FailsWithInvalidSignature()
    {
        var assertion = Assertion();
        var signed = assertion.BuildAuthenticatorData();
        assertion.SignatureOverride = assertion.Authenticator.Sign([.. signed, .. SHA256.HashData(assertion.ClientDataJson)]);
        assertion.SignCount = 1000;

        AssertFails(AuthenticationFailureReason.InvalidSignature, await VerifyAsync(assertion));
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x02, 0x03 })]
    public async Task VerifyAsync_SignatureNotASignature_FailsWithInvalidSignature(byte[] signature)
    {
        var assertion = Assertion();
        assertion.SignatureOverride = signature;

        AssertFails(AuthenticationFailureReason.InvalidSignature, await VerifyAsync(assertion));
    }

    // ---- #47 / #48 / #49 sign count ----

    [Theory]
    [InlineData(CoseAlgorithms.ES256, 10u, 10u)]
    [InlineData(CoseAlgorithms.ES256, 10u, 7u)]
    [InlineData(CoseAlgorithms.RS256, 10u, 7u)]
    [InlineData(CoseAlgorithms.ES256, 10u, 0u)]
    [InlineData(CoseAlgorithms.RS256, 10u, 0u)]
    public async Task VerifyAsync_CounterNotAboveStoredOne_FailsWithSignCountRegressed(int algorithm, uint stored, uint presented)
    {
        var assertion = Assertion(algorithm);
        assertion.SignCount = presented;

        AssertFails(AuthenticationFailureReason.SignCountRegressed, await VerifyAsync(assertion, Expected(Record(assertion, signCount: stored))));
    }

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(0u, 1u)]
    [InlineData(10u, 11u)]
    [InlineData(10u, uint.MaxValue)]
    public async Task VerifyAsync_CounterAboveStoredOneOrBothZero_Succeeds(uint stored, uint presented)
    {
        var assertion = Assertion();
        assertion.SignCount = presented;

        var verified = AssertSucceeds(await VerifyAsync(assertion, Expected(Record(assertion, signCount: stored))));

        Assert.Equal(presented, verified.SignCount);
    }

    [Fact]
    public async Task VerifyAsync_AuthenticatorWithoutCounter_SucceedsEveryTime()
    {
        var assertion = Assertion();
        assertion.SignCount = 0;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0u, AssertSucceeds(await VerifyAsync(assertion, Expected(Record(assertion, signCount: 0)))).SignCount);
        }
    }

    [Fact]
    public async Task VerifyAsync_CounterRegressedAndSignatureBad_FailsWithInvalidSignatureFirst()
    {
        var assertion = Assertion();
        assertion.SignCount = 3;
        assertion.CorruptSignature = true;

        AssertFails(AuthenticationFailureReason.InvalidSignature, await VerifyAsync(assertion, Expected(Record(assertion, signCount: 10))));
    }

    // ---- #51 allowCredentials and userHandle ----

    [Theory]
    [InlineData(CoseAlgorithms.ES256)]
    [InlineData(CoseAlgorithms.RS256)]
    public async Task VerifyAsync_CredentialNotInAllowCredentials_FailsWithCredentialNotAllowed(int algorithm)
    {
        var assertion = Assertion(algorithm);

        var result = await VerifyAsync(assertion, Expected(Record(assertion), allow: [RandomNumberGenerator.GetBytes(16)]));

        AssertFails(AuthenticationFailureReason.CredentialNotAllowed, result);
    }

    [Fact]
    public async Task VerifyAsync_RawIdNotTheRecordsCredentialId_FailsWithCredentialNotAllowed()
    {
        var assertion = Assertion();
        assertion.CredentialId = RandomNumberGenerator.GetBytes(16);

        AssertFails(AuthenticationFailureReason.CredentialNotAllowed, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_UserHandleOfAnotherUser_FailsWithCredentialNotAllowed()
    {
        var assertion = Assertion();
        assertion.UserHandle = RandomNumberGenerator.GetBytes(32);

        AssertFails(AuthenticationFailureReason.CredentialNotAllowed, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_UserHandleEmpty_FailsWithCredentialNotAllowed()
    {
        var assertion = Assertion();
        assertion.UserHandle = [];

        AssertFails(AuthenticationFailureReason.CredentialNotAllowed, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_DiscoverableWithoutUserHandle_FailsWithCredentialNotAllowed()
    {
        var assertion = Assertion();
        assertion.UserHandle = null;

        AssertFails(AuthenticationFailureReason.CredentialNotAllowed, await VerifyAsync(assertion, Expected(Record(assertion), allow: [])));
    }

    [Fact]
    public async Task VerifyAsync_AllowedCredentialWithoutUserHandle_Succeeds()
    {
        var assertion = Assertion();
        assertion.UserHandle = null;

        AssertSucceeds(await VerifyAsync(assertion, Expected(Record(assertion), allow: [assertion.CredentialId])));
    }

    // ---- authenticator data ----

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(36)]
    public async Task VerifyAsync_AuthenticatorDataTruncated_FailsWithInvalidAuthenticatorData(int length)
    {
        var assertion = Assertion();
        assertion.AuthenticatorDataOverride = assertion.BuildAuthenticatorData()[..Math.Max(length, 1)];

        var result = await VerifyAsync(assertion);

        AssertFails(AuthenticationFailureReason.InvalidAuthenticatorData, result);
    }

    [Fact]
    public async Task VerifyAsync_LeftoverBytesAfterCounter_FailsWithInvalidAuthenticatorData()
    {
        var assertion = Assertion();
        assertion.BytesAfterSignCount = [0x00];

        AssertFails(AuthenticationFailureReason.InvalidAuthenticatorData, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_ExtensionDataFlagWithoutExtensions_FailsWithInvalidAuthenticatorData()
    {
        var assertion = Assertion();
        assertion.Flags |= AuthenticatorDataFlags.ExtensionData;

        AssertFails(AuthenticationFailureReason.InvalidAuthenticatorData, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_AttestedCredentialDataInAnAssertion_FailsWithInvalidAuthenticatorData()
    {
        var assertion = Assertion();
        var registrationAuthData = assertion.Authenticator.BuildAuthenticatorData();
        registrationAuthData[32] = (byte)(AuthenticatorDataFlags.UserPresent | AuthenticatorDataFlags.UserVerified | AuthenticatorDataFlags.AttestedCredentialData);
        registrationAuthData[36] = 1;
        assertion.AuthenticatorDataOverride = registrationAuthData;

        AssertFails(AuthenticationFailureReason.InvalidAuthenticatorData, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_UnsolicitedWellFormedExtensions_Succeeds()
    {
        var assertion = Assertion();
        assertion.Flags |= AuthenticatorDataFlags.ExtensionData;
        assertion.BytesAfterSignCount = [0xa1, 0x63, (byte)'f', (byte)'o', (byte)'o', 0xf5]; // {"foo": true}

        AssertSucceeds(await VerifyAsync(assertion));
    }

    // ---- envelope ----

    [Theory]
    [InlineData("id")]
    [InlineData("rawId")]
    [InlineData("type")]
    [InlineData("response")]
    public async Task VerifyAsync_EnvelopeMemberMissing_FailsWithInvalidRequest(string member)
    {
        var assertion = Assertion();
        var response = assertion.CreateResponse();
        response.Remove(member);

        var result = await VerifyAsync(assertion, response);

        AssertFails(AuthenticationFailureReason.InvalidRequest, result);
        Assert.Equal(member, result.Failure?.Field);
    }

    [Theory]
    [InlineData("clientDataJSON", null)]
    [InlineData("clientDataJSON", "")]
    [InlineData("authenticatorData", null)]
    [InlineData("authenticatorData", "AA==")]
    [InlineData("signature", null)]
    [InlineData("signature", "")]
    [InlineData("signature", "not base64url!")]
    [InlineData("userHandle", "42")]
    [InlineData("userHandle", "a+b/")]
    public async Task VerifyAsync_ResponseMemberMissingEmptyOrMalformed_FailsWithInvalidRequest(string member, string? value)
    {
        var assertion = Assertion();
        var response = assertion.CreateResponse();
        if (value is null)
        {
            response["response"]!.AsObject().Remove(member);
        }
        else
        {
            response["response"]![member] = value == "42" ? JsonValue.Create(42) : value;
        }

        var result = await VerifyAsync(assertion, response);

        AssertFails(AuthenticationFailureReason.InvalidRequest, result);
        Assert.Equal("response." + member, result.Failure?.Field);
    }

    [Fact]
    public async Task VerifyAsync_UserHandleLongerThan64Bytes_FailsWithInvalidRequest()
    {
        var assertion = Assertion();
        assertion.UserHandle = new byte[65];

        AssertFails(AuthenticationFailureReason.InvalidRequest, await VerifyAsync(assertion));
    }

    [Fact]
    public async Task VerifyAsync_IdDifferentFromRawId_FailsWithInvalidRequest()
    {
        var assertion = Assertion();
        var response = assertion.CreateResponse();
        response["id"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

        var result = await VerifyAsync(assertion, response);

        AssertFails(AuthenticationFailureReason.InvalidRequest, result);
        Assert.Equal("id", result.Failure?.Field);
    }

    [Theory]
    [InlineData("type", "\"public-key \"")]
    [InlineData("authenticatorAttachment", "42")]
    [InlineData("clientExtensionResults", "[]")]
    public async Task VerifyAsync_EnvelopeMemberMistyped_FailsWithInvalidRequest(string member, string value)
    {
        var assertion = Assertion();
        var response = assertion.CreateResponse();
        response[member] = JsonNode.Parse(value);

        var result = await VerifyAsync(assertion, response);

        AssertFails(AuthenticationFailureReason.InvalidRequest, result);
        Assert.Equal(member, result.Failure?.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"id\":")]
    public async Task VerifyAsync_ResponseNotAJsonObject_FailsWithInvalidRequest(string json)
    {
        var assertion = Assertion();

        AssertFails(AuthenticationFailureReason.InvalidRequest, await Verifier.VerifyAsync(Expected(Record(assertion)), Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public async Task VerifyAsync_ResponseJsonTooLarge_FailsWithInvalidRequest()
    {
        var assertion = Assertion();
        var response = assertion.CreateResponse();
        response["padding"] = new string('a', AuthenticationVerifier.MaxResponseJsonBytes);

        AssertFails(AuthenticationFailureReason.InvalidRequest, await VerifyAsync(assertion, response));
    }

    [Fact]
    public async Task VerifyAsync_RandomlyCorruptedResponses_NeverThrowAndStayBounded()
    {
        var assertion = Assertion();
        var expected = Expected(Record(assertion));
        var good = assertion.CreateResponseJson();
        var random = new Random(20_260_730);
        var stopwatch = Stopwatch.StartNew();

        for (var i = 0; i < 300; i++)
        {
            var corrupted = (byte[])good.Clone();
            for (var j = 0; j < 1 + random.Next(4); j++)
            {
                corrupted[random.Next(corrupted.Length)] = (byte)random.Next(256);
            }

            var result = await Verifier.VerifyAsync(expected, corrupted);

            Assert.NotNull(result);
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), stopwatch.Elapsed.ToString());
    }

    // ---- reading the credential id before verifying ----

    [Fact]
    public void TryReadCredentialId_KnownGoodAssertion_ReturnsRawId()
    {
        var assertion = Assertion();
        using var document = JsonDocument.Parse(assertion.CreateResponseJson());

        Assert.True(AuthenticationVerifier.TryReadCredentialId(document.RootElement, out var credentialId));
        Assert.Equal(assertion.CredentialId, credentialId);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"rawId\":42}")]
    [InlineData("{\"rawId\":\"\"}")]
    [InlineData("{\"rawId\":\"AA==\"}")]
    [InlineData("[]")]
    public void TryReadCredentialId_NoUsableRawId_ReturnsFalse(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(AuthenticationVerifier.TryReadCredentialId(document.RootElement, out _));
    }

    // ---- misuse by the server ----

    [Fact]
    public async Task VerifyAsync_ExpectedChallengeEmpty_ThrowsArgumentException()
    {
        var assertion = Assertion();

        await Assert.ThrowsAsync<ArgumentException>(() => Verifier.VerifyAsync(Expected(Record(assertion)) with { Challenge = ReadOnlyMemory<byte>.Empty }, assertion.CreateResponseJson()));
    }

    [Fact]
    public async Task VerifyAsync_RecordWithoutUserHandle_ThrowsArgumentException()
    {
        var assertion = Assertion();

        await Assert.ThrowsAsync<ArgumentException>(() => Verifier.VerifyAsync(Expected(Record(assertion) with { UserHandle = ReadOnlyMemory<byte>.Empty }), assertion.CreateResponseJson()));
    }
}
