namespace SaaSMdm.Apple.Mdm;

/// <summary>The first check-in of an enrollment: who the device is and which push topic it listens on.</summary>
public sealed record AuthenticateCheckIn : CheckInMessage
{
    public const string Type = "Authenticate";

    internal AuthenticateCheckIn(MessageFields fields)
        : base(fields)
    {
        Topic = fields.RequiredText("Topic");
        DeviceName = fields.Text("DeviceName");
        Model = fields.Text("Model");
        ModelName = fields.Text("ModelName");
        ProductName = fields.Text("ProductName");
        OSVersion = fields.Text("OSVersion");
        BuildVersion = fields.Text("BuildVersion");
        SerialNumber = fields.Text("SerialNumber");
        Imei = fields.Text("IMEI");
        Meid = fields.Text("MEID");
    }

    public string Topic { get; }

    public string? DeviceName { get; }

    public string? Model { get; }

    public string? ModelName { get; }

    public string? ProductName { get; }

    public string? OSVersion { get; }

    public string? BuildVersion { get; }

    /// <summary>Absent under User Enrollment, which hides hardware identifiers.</summary>
    public string? SerialNumber { get; }

    public string? Imei { get; }

    public string? Meid { get; }
}
