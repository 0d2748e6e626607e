namespace SaaSMdm.SampleClient;

/// <summary>The sample's configuration is missing or malformed; the message says which variable.</summary>
public sealed class SampleConfigurationException(string message) : Exception(message);
