using System.Collections.Concurrent;
using Google.Protobuf;
using SaaSMdm.Contracts.Gateway;
using SaaSMdm.Contracts.Internal.V1;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Edge.Tests.Devices;

/// <summary>
/// Core's side of the device gateway as a recorder: knows a fixed set of tenants, keeps every device call
/// it receives, and answers what the test programs (or fails with the status the test chooses).
/// </summary>
public sealed class RecordingDeviceGateway(IReadOnlyDictionary<string, string> tenantIdsBySlug) : DeviceGateway.DeviceGatewayBase
{
    private readonly ConcurrentQueue<IMessage> _deviceCalls = new();
    private readonly ConcurrentQueue<string?> _gatewayKeys = new();

    /// <summary>Every call other than ResolveTenant, in arrival order.</summary>
    public IReadOnlyCollection<IMessage> DeviceCalls => _deviceCalls;

    /// <summary>The gateway key each call presented.</summary>
    public IReadOnlyCollection<string?> GatewayKeys => _gatewayKeys;

    public GetEnrollmentProfileResponse ProfileAnswer { get; set; } = new();

    public ScepResponse ScepAnswer { get; set; } = new();

    /// <summary>An empty 200 unless a test says otherwise, as Core answers an Idle with nothing queued.</summary>
    public DeviceResponse DeviceAnswer { get; set; } = EmptyOk();

    /// <summary>When set, device calls are recorded and then fail with this status.</summary>
    public Status? Failure { get; set; }

    /// <summary>How long each device call takes.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Forgets the calls and answers of the previous test.</summary>
    public void Reset()
    {
        _deviceCalls.Clear();
        _gatewayKeys.Clear();
        ProfileAnswer = new();
        ScepAnswer = new();
        DeviceAnswer = EmptyOk();
        Failure = null;
        Delay = TimeSpan.Zero;
    }

    /// <summary>The one device call received, which must be a <typeparamref name="T"/>.</summary>
    public T Single<T>()
        where T : IMessage => Assert.IsType<T>(Assert.Single(_deviceCalls));

    private static DeviceResponse EmptyOk() => new() { HttpStatus = 200 };

    public override Task<ResolveTenantResponse> ResolveTenant(ResolveTenantRequest request, ServerCallContext context)
    {
        _gatewayKeys.Enqueue(context.RequestHeaders.GetValue(GatewayCredentials.MetadataKey));
        return tenantIdsBySlug.TryGetValue(request.Slug, out var id)
            ? Task.FromResult(new ResolveTenantResponse { TenantId = id, Slug = request.Slug, DisplayName = request.Slug.ToUpperInvariant() })
            : throw new NotFoundException($"Unknown tenant '{request.Slug}'.");
    }

    public override Task<GetEnrollmentProfileResponse> GetEnrollmentProfile(GetEnrollmentProfileRequest request, ServerCallContext context) =>
        AnswerAsync(request, context, () => ProfileAnswer);

    public override Task<ScepResponse> Scep(ScepRequest request, ServerCallContext context) =>
        AnswerAsync(request, context, () => ScepAnswer);

    public override Task<DeviceResponse> CheckIn(CheckInRequest request, ServerCallContext context) =>
        AnswerAsync(request, context, () => DeviceAnswer);

    public override Task<DeviceResponse> Connect(ConnectRequest request, ServerCallContext context) =>
        AnswerAsync(request, context, () => DeviceAnswer);

    public override Task<DeviceResponse> GetAssetData(DeviceAssetDataRequest request, ServerCallContext context) =>
        AnswerAsync(request, context, () => DeviceAnswer);

    private async Task<TResponse> AnswerAsync<TResponse>(IMessage request, ServerCallContext context, Func<TResponse> answer)
    {
        _deviceCalls.Enqueue(request);
        _gatewayKeys.Enqueue(context.RequestHeaders.GetValue(GatewayCredentials.MetadataKey));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.CancellationToken);
        }

        return Failure is { } failure ? throw new RpcException(failure) : answer();
    }
}
