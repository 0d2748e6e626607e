namespace SaaSMdm.DeviceSim.Hardware;

/// <summary>A local macOS user, whose user channel a Mac opens with a TokenUpdate of its own.</summary>
/// <param name="UserId">The user's GeneratedUID.</param>
public sealed record MacUser(string UserId, string ShortName, string LongName);
