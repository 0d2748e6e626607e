namespace SaaSMdm.Rpc;

/// <summary>C# service or client code does not match the proto contract it claims to implement.</summary>
public sealed class GrpcBindingException(string message) : Exception(message);
