namespace SaaSMdm.Apple.Mdm;

/// <summary>A check-in message, command report or command result is missing a key, has a wrongly typed value or is not a dictionary.</summary>
public class MdmMessageFormatException : FormatException
{
    public MdmMessageFormatException(string message, string? keyPath = null, Exception? innerException = null)
        : base(keyPath is null ? message : $"{keyPath}: {message}", innerException)
    {
        KeyPath = keyPath;
    }

    /// <summary>The offending key, with dots and <c>[n]</c> for nesting; null when the message as a whole is wrong.</summary>
    public string? KeyPath { get; }
}
