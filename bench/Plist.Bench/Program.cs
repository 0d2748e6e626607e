using SaaSMdm.Apple.Plist;
using SaaSMdm.Plist.Bench;

var reply = InstalledApplicationList.WithXmlSize(1_000_000);
var xml = PlistWriter.WriteXml(reply);
var binary = PlistWriter.WriteBinary(reply);
var apps = reply.GetArray("InstalledApplicationList").Count;
Console.WriteLine($"InstalledApplicationList reply with {apps:N0} apps: XML {xml.Length:N0} bytes, binary {binary.Length:N0} bytes");
Console.WriteLine("Allocation is for one operation; 'input' is the document's size in that format.");

Measurement[] results =
[
    Measurement.Of("read XML", xml.Length, () => PlistReader.Read(xml)),
    Measurement.Of("read binary", binary.Length, () => PlistReader.Read(binary)),
    Measurement.Of("write XML", xml.Length, () => PlistWriter.WriteXml(reply)),
    Measurement.Of("write binary", binary.Length, () => PlistWriter.WriteBinary(reply)),
];

foreach (var result in results)
{
    Console.WriteLine(result);
}
