using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SaaSMdm.Core.Identity;

/// <summary>New API client ids and secrets: random, URL-safe, recognisable by their prefix when one leaks.</summary>
public static class ClientSecrets
{
    public static string NewClientId() => "cl_" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));

    /// <summary>256 bits of randomness: stored as a plain SHA-256 hash, since no dictionary can guess it.</summary>
    public static string NewSecret() => "cs_" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
