using SaaSMdm.Apple.Mdm;
using SaaSMdm.Apple.Plist;

namespace SaaSMdm.DeviceSim.Commands.Responders;

/// <summary>The certificates profiles installed: the MDM identity and the enrollment profile's roots.</summary>
public sealed class CertificateListResponder : ICommandResponder
{
    public string RequestType => "CertificateList";

    public CommandResponse Respond(CommandRequest command, DeviceState device) =>
        CommandResponse.Acknowledged(new PlistDictionary().Add(
            "CertificateList", new PlistArray(device.Certificates.Select(certificate => (PlistValue)certificate.ToPlist()))));
}
