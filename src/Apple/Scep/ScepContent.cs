namespace SaaSMdm.Apple.Scep;

/// <summary>A response body with its media type, e.g. the answer to GetCACert.</summary>
public sealed record ScepContent(byte[] Body, string ContentType);
