using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Account</c> service: its server base and typed client.</summary>
public static class Account
{
    public static ServiceDescriptor Descriptor => AccountReflection.Descriptor.Services[0];

    public abstract class AccountBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Account.Descriptor;

        public abstract Task<Me> GetMe(GetMeRequest request, ServerCallContext context);

        public abstract Task<BeginTwoFactorSetupResponse> BeginTwoFactorSetup(BeginTwoFactorSetupRequest request, ServerCallContext context);

        public abstract Task<ConfirmTwoFactorSetupResponse> ConfirmTwoFactorSetup(ConfirmTwoFactorSetupRequest request, ServerCallContext context);

        public abstract Task<DisableTwoFactorResponse> DisableTwoFactor(DisableTwoFactorRequest request, ServerCallContext context);

        public abstract Task<ChangePasswordResponse> ChangePassword(ChangePasswordRequest request, ServerCallContext context);
    }

    public sealed class AccountClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<GetMeRequest, Me> GetMeMethod = Method<GetMeRequest, Me>.Create(Descriptor, "GetMe");
        private static readonly Method<BeginTwoFactorSetupRequest, BeginTwoFactorSetupResponse> BeginTwoFactorSetupMethod = Method<BeginTwoFactorSetupRequest, BeginTwoFactorSetupResponse>.Create(Descriptor, "BeginTwoFactorSetup");
        private static readonly Method<ConfirmTwoFactorSetupRequest, ConfirmTwoFactorSetupResponse> ConfirmTwoFactorSetupMethod = Method<ConfirmTwoFactorSetupRequest, ConfirmTwoFactorSetupResponse>.Create(Descriptor, "ConfirmTwoFactorSetup");
        private static readonly Method<DisableTwoFactorRequest, DisableTwoFactorResponse> DisableTwoFactorMethod = Method<DisableTwoFactorRequest, DisableTwoFactorResponse>.Create(Descriptor, "DisableTwoFactor");
        private static readonly Method<ChangePasswordRequest, ChangePasswordResponse> ChangePasswordMethod = Method<ChangePasswordRequest, ChangePasswordResponse>.Create(Descriptor, "ChangePassword");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<Me> GetMeAsync(GetMeRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetMeMethod, options, request);

        public AsyncUnaryCall<BeginTwoFactorSetupResponse> BeginTwoFactorSetupAsync(BeginTwoFactorSetupRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(BeginTwoFactorSetupMethod, options, request);

        public AsyncUnaryCall<ConfirmTwoFactorSetupResponse> ConfirmTwoFactorSetupAsync(ConfirmTwoFactorSetupRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ConfirmTwoFactorSetupMethod, options, request);

        public AsyncUnaryCall<DisableTwoFactorResponse> DisableTwoFactorAsync(DisableTwoFactorRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(DisableTwoFactorMethod, options, request);

        public AsyncUnaryCall<ChangePasswordResponse> ChangePasswordAsync(ChangePasswordRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ChangePasswordMethod, options, request);
    }
}
