namespace SaaSMdm.Core.Declarations;

/// <param name="Checked">Enrolled channels whose tokens were computed.</param>
/// <param name="Notified">Channels whose DeclarationsToken changed (or that were forced): each got a DeclarativeManagement command and a push.</param>
/// <param name="Commands">DeclarativeManagement commands stored (one per distinct token, up to a limit, plus one without tokens).</param>
public sealed record DeclarationSyncResult(int Checked, int Notified, int Commands);
