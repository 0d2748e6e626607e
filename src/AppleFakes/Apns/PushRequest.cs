namespace SaaSMdm.AppleFakes.Apns;

/// <summary>The parts of a push request the fake checked and records.</summary>
internal sealed record PushRequest(
    string DeviceToken,
    string Topic,
    int? Priority,
    long? Expiration,
    Guid? ApnsId,
    string PushMagic);
