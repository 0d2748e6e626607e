namespace SaaSMdm.Apple.Mdm;

/// <summary>The first check-in of an enrollment: who the device is and which push topic it listens on.</summary>
public sealed record AuthenticateCheckIn : CheckInMessage
{
    public const string Type = "Authenticate";

    internal AuthenticateCheckIn(MessageFields fields)
        : base(fields)
    {
        Topic = fields.RequiredString("Topic");
        DeviceName = fields.String("DeviceName");
        Model = fields.String("Model");
        ModelName = fields.String("ModelName");
        ProductName = fields.String("ProductName");
        OSVersion = fields.String("OSVersion");
        BuildVersion = fields.String("BuildVersion");
        SerialNumber = fields.String("SerialNumber");
        Imei = fields.String("IMEI");
        Meid = fields.String("MEID");
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
