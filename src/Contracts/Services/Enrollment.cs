using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Enrollment</c> service: its server base and typed client.</summary>
public static class Enrollment
{
    public static ServiceDescriptor Descriptor => EnrollmentReflection.Descriptor.Services[0];

    public abstract class EnrollmentBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Enrollment.Descriptor;

        public abstract Task<CreateEnrollmentTokenResponse> CreateEnrollmentToken(CreateEnrollmentTokenRequest request, ServerCallContext context);

        public abstract Task<ListEnrollmentTokensResponse> ListEnrollmentTokens(ListEnrollmentTokensRequest request, ServerCallContext context);

        public abstract Task<EnrollmentToken> RevokeEnrollmentToken(RevokeEnrollmentTokenRequest request, ServerCallContext context);

        public abstract Task<EnrollmentSettings> SetOpenEnrollment(SetOpenEnrollmentRequest request, ServerCallContext context);

        public abstract Task<EnrollmentSettings> GetEnrollmentSettings(GetEnrollmentSettingsRequest request, ServerCallContext context);

        public abstract Task<PushCertificateSigningRequest> CreatePushCertificateSigningRequest(CreatePushCertificateSigningRequestRequest request, ServerCallContext context);

        public abstract Task<PushCertificate> UploadPushCertificate(UploadPushCertificateRequest request, ServerCallContext context);

        public abstract Task<PushCertificate> GetPushCertificate(GetPushCertificateRequest request, ServerCallContext context);
    }

    public sealed class EnrollmentClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<CreateEnrollmentTokenRequest, CreateEnrollmentTokenResponse> CreateEnrollmentTokenMethod = Method<CreateEnrollmentTokenRequest, CreateEnrollmentTokenResponse>.Create(Descriptor, "CreateEnrollmentToken");
        private static readonly Method<ListEnrollmentTokensRequest, ListEnrollmentTokensResponse> ListEnrollmentTokensMethod = Method<ListEnrollmentTokensRequest, ListEnrollmentTokensResponse>.Create(Descriptor, "ListEnrollmentTokens");
        private static readonly Method<RevokeEnrollmentTokenRequest, EnrollmentToken> RevokeEnrollmentTokenMethod = Method<RevokeEnrollmentTokenRequest, EnrollmentToken>.Create(Descriptor, "RevokeEnrollmentToken");
        private static readonly Method<SetOpenEnrollmentRequest, EnrollmentSettings> SetOpenEnrollmentMethod = Method<SetOpenEnrollmentRequest, EnrollmentSettings>.Create(Descriptor, "SetOpenEnrollment");
        private static readonly Method<GetEnrollmentSettingsRequest, EnrollmentSettings> GetEnrollmentSettingsMethod = Method<GetEnrollmentSettingsRequest, EnrollmentSettings>.Create(Descriptor, "GetEnrollmentSettings");
        private static readonly Method<CreatePushCertificateSigningRequestRequest, PushCertificateSigningRequest> CreatePushCertificateSigningRequestMethod = Method<CreatePushCertificateSigningRequestRequest, PushCertificateSigningRequest>.Create(Descriptor, "CreatePushCertificateSigningRequest");
        private static readonly Method<UploadPushCertificateRequest, PushCertificate> UploadPushCertificateMethod = Method<UploadPushCertificateRequest, PushCertificate>.Create(Descriptor, "UploadPushCertificate");
        private static readonly Method<GetPushCertificateRequest, PushCertificate> GetPushCertificateMethod = Method<GetPushCertificateRequest, PushCertificate>.Create(Descriptor, "GetPushCertificate");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<CreateEnrollmentTokenResponse> CreateEnrollmentTokenAsync(CreateEnrollmentTokenRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CreateEnrollmentTokenMethod, options, request);

        public AsyncUnaryCall<ListEnrollmentTokensResponse> ListEnrollmentTokensAsync(ListEnrollmentTokensRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListEnrollmentTokensMethod, options, request);

        public AsyncUnaryCall<EnrollmentToken> RevokeEnrollmentTokenAsync(RevokeEnrollmentTokenRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RevokeEnrollmentTokenMethod, options, request);

        public AsyncUnaryCall<EnrollmentSettings> SetOpenEnrollmentAsync(SetOpenEnrollmentRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(SetOpenEnrollmentMethod, options, request);

        public AsyncUnaryCall<EnrollmentSettings> GetEnrollmentSettingsAsync(GetEnrollmentSettingsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetEnrollmentSettingsMethod, options, request);

        public AsyncUnaryCall<PushCertificateSigningRequest> CreatePushCertificateSigningRequestAsync(CreatePushCertificateSigningRequestRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CreatePushCertificateSigningRequestMethod, options, request);

        public AsyncUnaryCall<PushCertificate> UploadPushCertificateAsync(UploadPushCertificateRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(UploadPushCertificateMethod, options, request);

        public AsyncUnaryCall<PushCertificate> GetPushCertificateAsync(GetPushCertificateRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetPushCertificateMethod, options, request);
    }
}
