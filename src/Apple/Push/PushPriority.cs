namespace SaaSMdm.Apple.Push;

/// <summary>The <c>apns-priority</c> values APNs accepts for MDM pushes.</summary>
public enum PushPriority
{
    /// <summary>Delivered at a time that saves the device's power.</summary>
    PowerConsiderate = 5,

    /// <summary>Delivered at once.</summary>
    Immediate = 10,
}
