using System.Diagnostics.CodeAnalysis;

namespace SaaSMdm.Apple.Push;

/// <summary>One wake-up push to an enrollment: its device token and the PushMagic from its TokenUpdate.</summary>
public sealed record MdmPush
{
    /// <summary>Longest PushMagic accepted; devices send a UUID string, APNs caps payloads at 4 KiB.</summary>
    public const int MaxPushMagicLength = 1024;

    /// <exception cref="ArgumentException">The token is unset, or PushMagic is empty, too long, or not well-formed UTF-16.</exception>
    public MdmPush(DeviceToken token, string pushMagic)
    {
        if (token == default)
        {
            throw new ArgumentException("The device token is the default value, not a parsed token.", nameof(token));
        }

        ArgumentException.ThrowIfNullOrEmpty(pushMagic);
        if (pushMagic.Length > MaxPushMagicLength)
        {
            throw new ArgumentException($"PushMagic has at most {MaxPushMagicLength} characters; got {pushMagic.Length}.", nameof(pushMagic));
        }

        if (!IsWellFormed(pushMagic, out var position))
        {
            throw new ArgumentException($"PushMagic has an unpaired surrogate at position {position}.", nameof(pushMagic));
        }

        Token = token;
        PushMagic = pushMagic;
    }

    /// <summary>
    /// The push for a registration as a device sent it (raw token bytes and PushMagic), or why APNs could not take it:
    /// for refusing a TokenUpdate at the door and for skipping a stored registration alike.
    /// </summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> token, string pushMagic, [NotNullWhen(true)] out MdmPush? push, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            push = new MdmPush(DeviceToken.FromBytes(token), pushMagic);
            problem = null;
            return true;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            push = null;
            problem = e.Message;
            return false;
        }
    }

    public DeviceToken Token { get; }

    /// <summary>Secret the device checks before it polls; never log it.</summary>
    public string PushMagic { get; }

    public PushPriority Priority { get; init; } = PushPriority.Immediate;

    /// <summary>
    /// When APNs stops trying to deliver; <see langword="null"/> takes the client's default,
    /// <see cref="DateTimeOffset.UnixEpoch"/> means "try once, do not store".
    /// </summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>Sent as <c>apns-id</c>; APNs makes one up when absent.</summary>
    public Guid? ApnsId { get; init; }

    public override string ToString() => $"MdmPush {{ Token = {Token.Redacted()}, Priority = {Priority} }}";

    private static bool IsWellFormed(string text, out int position)
    {
        for (position = 0; position < text.Length; position++)
        {
            if (char.IsHighSurrogate(text[position]) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]))
            {
                position++;
            }
            else if (char.IsSurrogate(text[position]))
            {
                return false;
            }
        }

        return true;
    }
}
