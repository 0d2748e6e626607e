using Google.Protobuf.Reflection;
using SaaSMdm.Rpc;
using SaaSMdm.Rpc.Client;
using SaaSMdm.Rpc.Server;

namespace SaaSMdm.Contracts.V1;

/// <summary>The <c>saasmdm.v1.Declarations</c> service: its server base and typed client.</summary>
public static class Declarations
{
    public static ServiceDescriptor Descriptor => DeclarationsReflection.Descriptor.Services[0];

    public abstract class DeclarationsBase : IGrpcService
    {
        static ServiceDescriptor IGrpcService.Descriptor => Declarations.Descriptor;

        public abstract Task<PutDeclarationResponse> PutDeclaration(PutDeclarationRequest request, ServerCallContext context);

        public abstract Task<Declaration> GetDeclaration(GetDeclarationRequest request, ServerCallContext context);

        public abstract Task<ListDeclarationsResponse> ListDeclarations(ListDeclarationsRequest request, ServerCallContext context);

        public abstract Task<DeleteDeclarationResponse> DeleteDeclaration(DeleteDeclarationRequest request, ServerCallContext context);

        public abstract Task<TouchDeclarationResponse> TouchDeclaration(TouchDeclarationRequest request, ServerCallContext context);

        public abstract Task<DeclarationSet> CreateSet(CreateSetRequest request, ServerCallContext context);

        public abstract Task<DeclarationSet> GetSet(GetSetRequest request, ServerCallContext context);

        public abstract Task<ListSetsResponse> ListSets(ListSetsRequest request, ServerCallContext context);

        public abstract Task<DeclarationSet> UpdateSet(UpdateSetRequest request, ServerCallContext context);

        public abstract Task<DeleteSetResponse> DeleteSet(DeleteSetRequest request, ServerCallContext context);

        public abstract Task<SetDeclarationsResponse> SetSetDeclarations(SetDeclarationsRequest request, ServerCallContext context);

        public abstract Task<SetDeclarationsResponse> AddDeclarationsToSet(SetDeclarationsRequest request, ServerCallContext context);

        public abstract Task<SetDeclarationsResponse> RemoveDeclarationsFromSet(SetDeclarationsRequest request, ServerCallContext context);

        public abstract Task<DeviceGroup> CreateDeviceGroup(CreateDeviceGroupRequest request, ServerCallContext context);

        public abstract Task<ListDeviceGroupsResponse> ListDeviceGroups(ListDeviceGroupsRequest request, ServerCallContext context);

        public abstract Task<DeleteDeviceGroupResponse> DeleteDeviceGroup(DeleteDeviceGroupRequest request, ServerCallContext context);

        public abstract Task<GroupDevicesResponse> AddDevicesToGroup(GroupDevicesRequest request, ServerCallContext context);

        public abstract Task<GroupDevicesResponse> RemoveDevicesFromGroup(GroupDevicesRequest request, ServerCallContext context);

        public abstract Task<AssignSetResponse> AssignSet(AssignSetRequest request, ServerCallContext context);

        public abstract Task<AssignSetResponse> UnassignSet(AssignSetRequest request, ServerCallContext context);

        public abstract Task<ListAssignmentsResponse> ListAssignments(ListAssignmentsRequest request, ServerCallContext context);

        public abstract Task<DeviceDeclarations> GetDeviceDeclarations(GetDeviceDeclarationsRequest request, ServerCallContext context);

        public abstract Task<SetDevicePropertiesResponse> SetDeviceProperties(SetDevicePropertiesRequest request, ServerCallContext context);

        public abstract Task<DeviceProperties> GetDeviceProperties(GetDevicePropertiesRequest request, ServerCallContext context);

        public abstract Task<SetDefaultStatusSubscriptionResponse> SetDefaultStatusSubscription(SetDefaultStatusSubscriptionRequest request, ServerCallContext context);

        public abstract Task<SyncResult> SyncDevices(SyncDevicesRequest request, ServerCallContext context);
    }

    public sealed class DeclarationsClient(CallInvoker callInvoker) : ClientBase(callInvoker), IGrpcClient
    {
        private static readonly Method<PutDeclarationRequest, PutDeclarationResponse> PutDeclarationMethod = Method<PutDeclarationRequest, PutDeclarationResponse>.Create(Descriptor, "PutDeclaration");
        private static readonly Method<GetDeclarationRequest, Declaration> GetDeclarationMethod = Method<GetDeclarationRequest, Declaration>.Create(Descriptor, "GetDeclaration");
        private static readonly Method<ListDeclarationsRequest, ListDeclarationsResponse> ListDeclarationsMethod = Method<ListDeclarationsRequest, ListDeclarationsResponse>.Create(Descriptor, "ListDeclarations");
        private static readonly Method<DeleteDeclarationRequest, DeleteDeclarationResponse> DeleteDeclarationMethod = Method<DeleteDeclarationRequest, DeleteDeclarationResponse>.Create(Descriptor, "DeleteDeclaration");
        private static readonly Method<TouchDeclarationRequest, TouchDeclarationResponse> TouchDeclarationMethod = Method<TouchDeclarationRequest, TouchDeclarationResponse>.Create(Descriptor, "TouchDeclaration");
        private static readonly Method<CreateSetRequest, DeclarationSet> CreateSetMethod = Method<CreateSetRequest, DeclarationSet>.Create(Descriptor, "CreateSet");
        private static readonly Method<GetSetRequest, DeclarationSet> GetSetMethod = Method<GetSetRequest, DeclarationSet>.Create(Descriptor, "GetSet");
        private static readonly Method<ListSetsRequest, ListSetsResponse> ListSetsMethod = Method<ListSetsRequest, ListSetsResponse>.Create(Descriptor, "ListSets");
        private static readonly Method<UpdateSetRequest, DeclarationSet> UpdateSetMethod = Method<UpdateSetRequest, DeclarationSet>.Create(Descriptor, "UpdateSet");
        private static readonly Method<DeleteSetRequest, DeleteSetResponse> DeleteSetMethod = Method<DeleteSetRequest, DeleteSetResponse>.Create(Descriptor, "DeleteSet");
        private static readonly Method<SetDeclarationsRequest, SetDeclarationsResponse> SetSetDeclarationsMethod = Method<SetDeclarationsRequest, SetDeclarationsResponse>.Create(Descriptor, "SetSetDeclarations");
        private static readonly Method<SetDeclarationsRequest, SetDeclarationsResponse> AddDeclarationsToSetMethod = Method<SetDeclarationsRequest, SetDeclarationsResponse>.Create(Descriptor, "AddDeclarationsToSet");
        private static readonly Method<SetDeclarationsRequest, SetDeclarationsResponse> RemoveDeclarationsFromSetMethod = Method<SetDeclarationsRequest, SetDeclarationsResponse>.Create(Descriptor, "RemoveDeclarationsFromSet");
        private static readonly Method<CreateDeviceGroupRequest, DeviceGroup> CreateDeviceGroupMethod = Method<CreateDeviceGroupRequest, DeviceGroup>.Create(Descriptor, "CreateDeviceGroup");
        private static readonly Method<ListDeviceGroupsRequest, ListDeviceGroupsResponse> ListDeviceGroupsMethod = Method<ListDeviceGroupsRequest, ListDeviceGroupsResponse>.Create(Descriptor, "ListDeviceGroups");
        private static readonly Method<DeleteDeviceGroupRequest, DeleteDeviceGroupResponse> DeleteDeviceGroupMethod = Method<DeleteDeviceGroupRequest, DeleteDeviceGroupResponse>.Create(Descriptor, "DeleteDeviceGroup");
        private static readonly Method<GroupDevicesRequest, GroupDevicesResponse> AddDevicesToGroupMethod = Method<GroupDevicesRequest, GroupDevicesResponse>.Create(Descriptor, "AddDevicesToGroup");
        private static readonly Method<GroupDevicesRequest, GroupDevicesResponse> RemoveDevicesFromGroupMethod = Method<GroupDevicesRequest, GroupDevicesResponse>.Create(Descriptor, "RemoveDevicesFromGroup");
        private static readonly Method<AssignSetRequest, AssignSetResponse> AssignSetMethod = Method<AssignSetRequest, AssignSetResponse>.Create(Descriptor, "AssignSet");
        private static readonly Method<AssignSetRequest, AssignSetResponse> UnassignSetMethod = Method<AssignSetRequest, AssignSetResponse>.Create(Descriptor, "UnassignSet");
        private static readonly Method<ListAssignmentsRequest, ListAssignmentsResponse> ListAssignmentsMethod = Method<ListAssignmentsRequest, ListAssignmentsResponse>.Create(Descriptor, "ListAssignments");
        private static readonly Method<GetDeviceDeclarationsRequest, DeviceDeclarations> GetDeviceDeclarationsMethod = Method<GetDeviceDeclarationsRequest, DeviceDeclarations>.Create(Descriptor, "GetDeviceDeclarations");
        private static readonly Method<SetDevicePropertiesRequest, SetDevicePropertiesResponse> SetDevicePropertiesMethod = Method<SetDevicePropertiesRequest, SetDevicePropertiesResponse>.Create(Descriptor, "SetDeviceProperties");
        private static readonly Method<GetDevicePropertiesRequest, DeviceProperties> GetDevicePropertiesMethod = Method<GetDevicePropertiesRequest, DeviceProperties>.Create(Descriptor, "GetDeviceProperties");
        private static readonly Method<SetDefaultStatusSubscriptionRequest, SetDefaultStatusSubscriptionResponse> SetDefaultStatusSubscriptionMethod = Method<SetDefaultStatusSubscriptionRequest, SetDefaultStatusSubscriptionResponse>.Create(Descriptor, "SetDefaultStatusSubscription");
        private static readonly Method<SyncDevicesRequest, SyncResult> SyncDevicesMethod = Method<SyncDevicesRequest, SyncResult>.Create(Descriptor, "SyncDevices");

        static ServiceDescriptor IGrpcClient.Descriptor => Descriptor;

        public AsyncUnaryCall<PutDeclarationResponse> PutDeclarationAsync(PutDeclarationRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(PutDeclarationMethod, options, request);

        public AsyncUnaryCall<Declaration> GetDeclarationAsync(GetDeclarationRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetDeclarationMethod, options, request);

        public AsyncUnaryCall<ListDeclarationsResponse> ListDeclarationsAsync(ListDeclarationsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListDeclarationsMethod, options, request);

        public AsyncUnaryCall<DeleteDeclarationResponse> DeleteDeclarationAsync(DeleteDeclarationRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(DeleteDeclarationMethod, options, request);

        public AsyncUnaryCall<TouchDeclarationResponse> TouchDeclarationAsync(TouchDeclarationRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(TouchDeclarationMethod, options, request);

        public AsyncUnaryCall<DeclarationSet> CreateSetAsync(CreateSetRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CreateSetMethod, options, request);

        public AsyncUnaryCall<DeclarationSet> GetSetAsync(GetSetRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetSetMethod, options, request);

        public AsyncUnaryCall<ListSetsResponse> ListSetsAsync(ListSetsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListSetsMethod, options, request);

        public AsyncUnaryCall<DeclarationSet> UpdateSetAsync(UpdateSetRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(UpdateSetMethod, options, request);

        public AsyncUnaryCall<DeleteSetResponse> DeleteSetAsync(DeleteSetRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(DeleteSetMethod, options, request);

        public AsyncUnaryCall<SetDeclarationsResponse> SetSetDeclarationsAsync(SetDeclarationsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(SetSetDeclarationsMethod, options, request);

        public AsyncUnaryCall<SetDeclarationsResponse> AddDeclarationsToSetAsync(SetDeclarationsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(AddDeclarationsToSetMethod, options, request);

        public AsyncUnaryCall<SetDeclarationsResponse> RemoveDeclarationsFromSetAsync(SetDeclarationsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RemoveDeclarationsFromSetMethod, options, request);

        public AsyncUnaryCall<DeviceGroup> CreateDeviceGroupAsync(CreateDeviceGroupRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CreateDeviceGroupMethod, options, request);

        public AsyncUnaryCall<ListDeviceGroupsResponse> ListDeviceGroupsAsync(ListDeviceGroupsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListDeviceGroupsMethod, options, request);

        public AsyncUnaryCall<DeleteDeviceGroupResponse> DeleteDeviceGroupAsync(DeleteDeviceGroupRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(DeleteDeviceGroupMethod, options, request);

        public AsyncUnaryCall<GroupDevicesResponse> AddDevicesToGroupAsync(GroupDevicesRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(AddDevicesToGroupMethod, options, request);

        public AsyncUnaryCall<GroupDevicesResponse> RemoveDevicesFromGroupAsync(GroupDevicesRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(RemoveDevicesFromGroupMethod, options, request);

        public AsyncUnaryCall<AssignSetResponse> AssignSetAsync(AssignSetRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(AssignSetMethod, options, request);

        public AsyncUnaryCall<AssignSetResponse> UnassignSetAsync(AssignSetRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(UnassignSetMethod, options, request);

        public AsyncUnaryCall<ListAssignmentsResponse> ListAssignmentsAsync(ListAssignmentsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(ListAssignmentsMethod, options, request);

        public AsyncUnaryCall<DeviceDeclarations> GetDeviceDeclarationsAsync(GetDeviceDeclarationsRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetDeviceDeclarationsMethod, options, request);

        public AsyncUnaryCall<SetDevicePropertiesResponse> SetDevicePropertiesAsync(SetDevicePropertiesRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(SetDevicePropertiesMethod, options, request);

        public AsyncUnaryCall<DeviceProperties> GetDevicePropertiesAsync(GetDevicePropertiesRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(GetDevicePropertiesMethod, options, request);

        public AsyncUnaryCall<SetDefaultStatusSubscriptionResponse> SetDefaultStatusSubscriptionAsync(SetDefaultStatusSubscriptionRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(SetDefaultStatusSubscriptionMethod, options, request);

        public AsyncUnaryCall<SyncResult> SyncDevicesAsync(SyncDevicesRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(SyncDevicesMethod, options, request);
    }
}
