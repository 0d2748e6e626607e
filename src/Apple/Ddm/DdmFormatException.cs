namespace SaaSMdm.Apple.Ddm;

/// <summary>DDM JSON (a declaration, a token or status object) or an endpoint path is malformed.</summary>
public sealed class DdmFormatException(string message, Exception? innerException = null) : FormatException(message, innerException);
