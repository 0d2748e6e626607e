using System.Security.Cryptography;

namespace SaaSMdm.DeviceSim.Protocol;

/// <summary>What a channel's TokenUpdate tells the server so that it can wake the channel through APNs.</summary>
/// <param name="Token">The APNs device token (32 bytes).</param>
/// <param name="PushMagic">The value the push payload's <c>mdm</c> key must carry.</param>
/// <param name="UnlockToken">iPhones and iPads escrow a token that clears the passcode; null elsewhere.</param>
public sealed record PushRegistration(byte[] Token, string PushMagic, byte[]? UnlockToken)
{
    public static PushRegistration Create(bool withUnlockToken) => new(
        RandomNumberGenerator.GetBytes(32),
        Guid.NewGuid().ToString("D").ToUpperInvariant(),
        withUnlockToken ? RandomNumberGenerator.GetBytes(1024) : null);
}
