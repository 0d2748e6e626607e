using SaaSMdm.Apple.Ddm;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Declarations;
using ApiCategory = SaaSMdm.Contracts.V1.DeclarationCategory;
using ApiDeclaration = SaaSMdm.Contracts.V1.Declaration;
using ApiSyncResult = SaaSMdm.Contracts.V1.SyncResult;

namespace SaaSMdm.Core.Api.Declarations;

/// <summary>Stored declarations, sets and groups as API messages.</summary>
public static class DeclarationMessages
{
    public static ApiDeclaration ToDeclaration(DeclarationEntity entity, bool withPayload = true) => new()
    {
        Identifier = entity.Identifier,
        Type = entity.Type,
        Category = ToCategory(entity.Type),
        PayloadJson = withPayload ? entity.PayloadJson : "",
        ServerToken = entity.ServerToken,
        TouchCount = entity.TouchCount,
        CreateTime = ApiTimestamps.From(entity.CreatedAt),
        UpdateTime = ApiTimestamps.From(entity.UpdatedAt),
    };

    public static Contracts.V1.DeclarationSet ToSet(DeclarationSetEntity entity, int channelAssignments, int groupAssignments) => new()
    {
        Id = entity.Id.ToString(),
        Name = entity.Name,
        Description = entity.Description,
        ChannelAssignmentCount = channelAssignments,
        GroupAssignmentCount = groupAssignments,
        CreateTime = ApiTimestamps.From(entity.CreatedAt),
        UpdateTime = ApiTimestamps.From(entity.UpdatedAt),
    };

    public static Contracts.V1.DeviceGroup ToGroup(DeviceGroupEntity entity, int members) => new()
    {
        Id = entity.Id.ToString(),
        Name = entity.Name,
        MemberCount = members,
        CreateTime = ApiTimestamps.From(entity.CreatedAt),
    };

    public static ApiSyncResult ToSyncResult(DeclarationSyncResult result) =>
        new() { Checked = result.Checked, Notified = result.Notified, Commands = result.Commands };

    public static ApiCategory ToCategory(string type) => DeclarationCategories.FromType(type) switch
    {
        DeclarationCategory.Activation => ApiCategory.Activation,
        DeclarationCategory.Asset => ApiCategory.Asset,
        DeclarationCategory.Configuration => ApiCategory.Configuration,
        DeclarationCategory.Management => ApiCategory.Management,
        _ => ApiCategory.Unspecified,
    };

    /// <summary>The prefix of every type of a category, e.g. <c>com.apple.configuration.</c>.</summary>
    public static string TypePrefix(ApiCategory category) => category switch
    {
        ApiCategory.Activation => Prefix(DeclarationCategory.Activation),
        ApiCategory.Asset => Prefix(DeclarationCategory.Asset),
        ApiCategory.Configuration => Prefix(DeclarationCategory.Configuration),
        ApiCategory.Management => Prefix(DeclarationCategory.Management),
        _ => throw new Rpc.InvalidArgumentException($"category {category} is not a declaration category."),
    };

    private static string Prefix(DeclarationCategory category) => $"com.apple.{category.PathName()}.";
}
