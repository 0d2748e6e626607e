using SaaSMdm.ApiReference;

// Usage: ApiReference <repository root>. Writes docs/api-reference.md.
if (args.Length != 1 || !Directory.Exists(Path.Combine(args[0], "protos")))
{
    Console.Error.WriteLine("usage: ApiReference <repository root>");
    return 2;
}

var root = Path.GetFullPath(args[0]);
var markdown = await ApiReferenceDocument.GenerateAsync(root);
var target = ApiReferenceDocument.PathIn(root);
Directory.CreateDirectory(Path.GetDirectoryName(target)!);
await File.WriteAllTextAsync(target, markdown);
Console.WriteLine($"Wrote {Path.GetRelativePath(root, target)}");
return 0;
