namespace SaaSMdm.Rpc;

// One exception per status that handlers choose on purpose, so service code reads as intent
// ("throw new NotFoundException(...)") and the status mapping stays in one place.

public sealed class InvalidArgumentException(string detail) : RpcException(new Status(StatusCode.InvalidArgument, detail));

public sealed class NotFoundException(string detail) : RpcException(new Status(StatusCode.NotFound, detail));

public sealed class AlreadyExistsException(string detail) : RpcException(new Status(StatusCode.AlreadyExists, detail));

public sealed class PermissionDeniedException(string detail) : RpcException(new Status(StatusCode.PermissionDenied, detail));

public sealed class UnauthenticatedException(string detail) : RpcException(new Status(StatusCode.Unauthenticated, detail));

public sealed class FailedPreconditionException(string detail) : RpcException(new Status(StatusCode.FailedPrecondition, detail));

public sealed class ResourceExhaustedException(string detail) : RpcException(new Status(StatusCode.ResourceExhausted, detail));
