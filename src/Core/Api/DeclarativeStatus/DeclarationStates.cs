using SaaSMdm.Contracts.V1;
using SaaSMdm.Core.Declarations.Status;

namespace SaaSMdm.Core.Api.DeclarativeStatus;

public static class DeclarationStates
{
    public static DeclarationState From(DeclarationOutcome outcome) => outcome switch
    {
        DeclarationOutcome.Active => DeclarationState.Active,
        DeclarationOutcome.Failed => DeclarationState.Failed,
        DeclarationOutcome.Inactive => DeclarationState.Inactive,
        DeclarationOutcome.Pending => DeclarationState.Pending,
        DeclarationOutcome.NotAssigned => DeclarationState.NotAssigned,
        _ => DeclarationState.Unspecified,
    };
}
