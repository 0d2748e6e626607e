using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Members</c> service: its server base and typed client.</summary>
public static class Members
{
    public static ServiceDescriptor Descriptor => MembersReflection.Descriptor.Services[0];

    public abstract class MembersBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Members.Descriptor;

        public abstract Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context);

        public abstract Task<AddMemberResponse> AddMember(AddMemberRequest request, ServerCallContext context);

        public abstract Task<Member> SetMemberRole(SetMemberRoleRequest request, ServerCallContext context);

        public abstract Task<RemoveMemberResponse> RemoveMember(RemoveMemberRequest request, ServerCallContext context);
    }

    public sealed class MembersClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<ListMembersRequest, ListMembersResponse> ListMembersMethod = Method<ListMembersRequest, ListMembersResponse>.Create(Descriptor, "ListMembers");
        private static readonly Method<AddMemberRequest, AddMemberResponse> AddMemberMethod = Method<AddMemberRequest, AddMemberResponse>.Create(Descriptor, "AddMember");
        private static readonly Method<SetMemberRoleRequest, Member> SetMemberRoleMethod = Method<SetMemberRoleRequest, Member>.Create(Descriptor, "SetMemberRole");
        private static readonly Method<RemoveMemberRequest, RemoveMemberResponse> RemoveMemberMethod = Method<RemoveMemberRequest, RemoveMemberResponse>.Create(Descriptor, "RemoveMember");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<ListMembersResponse> ListMembersAsync(ListMembersRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListMembersMethod, options, request);

        public AsyncUnaryCall<AddMemberResponse> AddMemberAsync(AddMemberRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(AddMemberMethod, options, request);

        public AsyncUnaryCall<Member> SetMemberRoleAsync(SetMemberRoleRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(SetMemberRoleMethod, options, request);

        public AsyncUnaryCall<RemoveMemberResponse> RemoveMemberAsync(RemoveMemberRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RemoveMemberMethod, options, request);
    }
}
