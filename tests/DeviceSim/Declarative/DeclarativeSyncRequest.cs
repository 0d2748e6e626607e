using SaaSMdm.Apple.Ddm;

namespace SaaSMdm.DeviceSim.Declarative;

/// <summary>A sync a DeclarativeManagement command asked for, with the tokens its Data carried (null: ask the server).</summary>
public sealed record DeclarativeSyncRequest(SyncTokens? Tokens);
