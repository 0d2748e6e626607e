using System.Text;
using SaaSMdm.Contracts;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Core.Api.Audit;

/// <summary>How a call ended, as the audit log records it: the status code's gRPC name and the caller's message.</summary>
public sealed record AuditOutcome(StatusCode Code, string Detail)
{
    /// <summary>What the caller sees for an exception that is not an <see cref="RpcException"/>; its message stays in the logs.</summary>
    private const string HandlerFailed = "Exception was thrown by handler.";

    public static AuditOutcome Ok { get; } = new(StatusCode.OK, "");

    /// <summary>The status a handler set without throwing (OK unless it chose otherwise).</summary>
    public static AuditOutcome Of(Status status) => new(status.StatusCode, status.StatusCode == StatusCode.OK ? "" : status.Detail);

    /// <summary>The status the caller receives for <paramref name="exception"/>.</summary>
    public static AuditOutcome Of(Exception exception, ServerCallContext context) => exception switch
    {
        RpcException rpc => Of(rpc.Status),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested => context.Deadline <= DateTime.UtcNow
            ? new(StatusCode.DeadlineExceeded, "Deadline Exceeded")
            : new(StatusCode.Cancelled, "Call canceled by the client."),
        _ => new(StatusCode.Internal, HandlerFailed),
    };

    /// <summary>The code as the gRPC specification spells it: OK, PERMISSION_DENIED, NOT_FOUND, …</summary>
    public string Name
    {
        get
        {
            var name = Code.ToString();
            var spelled = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
                {
                    spelled.Append('_');
                }

                spelled.Append(char.ToUpperInvariant(name[i]));
            }

            return spelled.ToString();
        }
    }

    public string BoundedDetail => CallerText.Shorten(Detail, AuditEntryEntity.MaxDetailLength);
}
