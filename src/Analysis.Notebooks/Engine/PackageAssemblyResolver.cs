using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace Analysis.Notebooks.Engine;

/// <summary>
/// Finds the assemblies of restored <c>#r "nuget:"</c> packages when the runtime asks for them. Roslyn's script
/// loader looks for a dependency only beside the assembly that needs it, and every package sits in its own folder:
/// a library that reaches another package only at run time (Analysis calls System.Numerics.Tensors when it
/// clusters) would fail with FileNotFoundException. Process-wide, like the runtime's own resolution.
/// </summary>
internal static class PackageAssemblyResolver
{
    private static readonly ConcurrentDictionary<string, string> Paths = new(StringComparer.OrdinalIgnoreCase);
    private static int installed;

    /// <summary>Makes <paramref name="assemblies"/> (full paths) resolvable by simple name; the first path given for a name stays.</summary>
    public static void Add(IEnumerable<string> assemblies)
    {
        foreach (var path in assemblies) Paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        if (Interlocked.Exchange(ref installed, 1) == 0) AppDomain.CurrentDomain.AssemblyResolve += (_, args) => Resolve(new AssemblyName(args.Name));
    }

    private static Assembly? Resolve(AssemblyName requested)
    {
        if (requested.Name is null || !Paths.TryGetValue(requested.Name, out var path)) return null;
        var available = AssemblyName.GetAssemblyName(path).Version;
        if (requested.Version is not null && available is not null && available < requested.Version) return null;
        return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && a.Location == path)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
