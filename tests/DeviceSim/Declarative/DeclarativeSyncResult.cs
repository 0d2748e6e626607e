using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>What one sync did: declarations fetched and removed, and the status report sent (null when nothing changed).</summary>
public sealed record DeclarativeSyncResult(IReadOnlyList<string> Fetched, IReadOnlyList<string> Removed, StatusReport? Report);
