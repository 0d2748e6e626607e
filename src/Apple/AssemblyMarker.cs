namespace SaaSMdm.Apple;

/// <summary>Anchors the assembly for resource lookups and test discovery.</summary>
public static class AppleAssembly
{
    public static System.Reflection.Assembly Instance => typeof(AppleAssembly).Assembly;
}
