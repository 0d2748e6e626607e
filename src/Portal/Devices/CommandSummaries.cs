using System.Text.Json;
using SaaSMdm.Contracts.V1;

namespace SaaSMdm.Portal.DeviceViews;

/// <summary>One line about how a device answered a command: the error chain, or what an understood result holds.</summary>
public static class CommandSummaries
{
    public static string Of(DeviceCommand command) => command.State switch
    {
        CommandState.Error or CommandState.CommandFormatError when command.Errors.Count > 0 =>
            string.Join(" ← ", command.Errors.Select(e => $"{e.Description} ({e.Domain} {e.Code})".Trim())),
        CommandState.Error => "The device reported an error without details.",
        CommandState.CommandFormatError => "The device did not understand the command.",
        CommandState.NotNow => "The device was busy; it is asked again on a later check-in.",
        CommandState.Cancelled => "Cancelled before the device answered.",
        CommandState.Queued => "Waiting for the device.",
        CommandState.Acknowledged => ResultSummary(command.ResultJson) ?? "Done.",
        _ => "",
    };

    private static string? ResultSummary(string json)
    {
        if (json.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var count = property.Value.ValueKind switch
                {
                    JsonValueKind.Array => property.Value.GetArrayLength(),
                    JsonValueKind.Object => property.Value.EnumerateObject().Count(),
                    _ => -1,
                };
                if (count >= 0)
                {
                    return property.Name switch
                    {
                        "ProfileList" => $"{count} profiles reported.",
                        "InstalledApplicationList" => $"{count} apps reported.",
                        "CertificateList" => $"{count} certificates reported.",
                        "QueryResponses" => $"{count} device facts reported.",
                        "SecurityInfo" => "Security state reported.",
                        _ => $"{property.Name}: {count} entries.",
                    };
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
