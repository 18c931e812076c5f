namespace Passbind.Server.Features.Binding;

/// <summary>The ceremony a sealed challenge was issued for: a challenge of one is never accepted by the other.</summary>
internal enum ChallengePurpose : byte
{
    /// <summary>A binding's registration, bound to its job.</summary>
    Binding = 1,

    /// <summary>A sign-in's assertion, bound to its transaction.</summary>
    SignIn = 2,
}
