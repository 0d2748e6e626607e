namespace SaaSMdm.DeviceSim;

/// <summary>The ways a simulated device can break its command report (still signed correctly).</summary>
public enum MalformedReport
{
    /// <summary>A body that is not a property list.</summary>
    NotAPlist,

    /// <summary>A dictionary without the Status key.</summary>
    MissingStatus,

    /// <summary>A Status that Apple does not define.</summary>
    UnknownStatus,

    /// <summary>A property list whose root is an array, not a dictionary.</summary>
    NotADictionary,
}
