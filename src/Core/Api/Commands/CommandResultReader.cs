using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;
using SaaSMdm.Core.Data.Entities;
using ApiCommandError = SaaSMdm.Contracts.V1.CommandError;
using ApiCommandState = SaaSMdm.Contracts.V1.CommandState;

namespace SaaSMdm.Core.Api.Commands;

/// <summary>What the API shows of a stored answer: its state, its errors, and for results Core understands, JSON.</summary>
public static class CommandResultReader
{
    /// <summary>The report key that holds the result of each command whose result Core reads, by RequestType.</summary>
    private static readonly Dictionary<string, string> ResultKeys = new(StringComparer.Ordinal)
    {
        ["DeviceInformation"] = "QueryResponses",
        ["SecurityInfo"] = "SecurityInfo",
        ["ProfileList"] = "ProfileList",
        ["InstalledApplicationList"] = "InstalledApplicationList",
        ["CertificateList"] = "CertificateList",
    };

    public static ApiCommandState StateOf(CommandResultStatus status) => status switch
    {
        CommandResultStatus.Acknowledged => ApiCommandState.Acknowledged,
        CommandResultStatus.Error => ApiCommandState.Error,
        CommandResultStatus.CommandFormatError => ApiCommandState.CommandFormatError,
        CommandResultStatus.Cancelled => ApiCommandState.Cancelled,
        _ => ApiCommandState.Unspecified,
    };

    public static ApiCommandState StateOf(QueuedCommandStatus status) =>
        status == QueuedCommandStatus.NotNow ? ApiCommandState.NotNow : ApiCommandState.Queued;

    /// <summary>The report's JSON and ErrorChain; a plist that cannot be read yields neither, since it is shown raw anyway.</summary>
    public static (string Json, IReadOnlyList<ApiCommandError> Errors) Read(string? requestType, CommandResultStatus status, byte[]? plist)
    {
        if (plist is null || plist.Length == 0)
        {
            return ("", []);
        }

        CommandReport report;
        try
        {
            report = CommandReport.Parse(PlistReader.Read(plist));
        }
        catch (FormatException)
        {
            return ("", []);
        }

        var errors = report.ErrorChain.Select(error => new ApiCommandError
        {
            Code = error.ErrorCode ?? 0,
            Domain = error.ErrorDomain ?? "",
            Description = error.USEnglishDescription ?? error.LocalizedDescription ?? "",
        }).ToList();
        return (JsonOf(requestType, status, report), errors);
    }

    private static string JsonOf(string? requestType, CommandResultStatus status, CommandReport report) =>
        status == CommandResultStatus.Acknowledged
        && requestType is not null
        && ResultKeys.TryGetValue(requestType, out var key)
        && report.Raw.TryGetValue(key, out var result)
            ? PlistJson.Write(new PlistDictionary().Add(key, result))
            : "";
}
