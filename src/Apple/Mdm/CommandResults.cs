namespace SaaSMdm.Apple.Mdm;

/// <summary>Where typed results start: an acknowledged report's keys.</summary>
internal static class CommandResults
{
    /// <exception cref="InvalidOperationException">The report carries no result because the command was not acknowledged.</exception>
    public static MessageFields Of(CommandReport report, string requestType)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status == CommandStatus.Acknowledged
            ? new MessageFields(report.Raw)
            : throw new InvalidOperationException($"A {report.Status} report carries no {requestType} result.");
    }
}
