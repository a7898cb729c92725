using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Loads the packages' native libraries for this platform by full path. A package's managed code asks for them
    /// by name (DuckDB.NET for <c>libduckdb.so</c>) from another package's folder, where the runtime does not look;
    /// once loaded, a request by name finds the loaded library (on Linux by its SONAME).
    /// </summary>
    public static void LoadNative(IEnumerable<string> libraries)
    {
        foreach (var library in libraries)
            if (LoadedNative.TryAdd(library, 0) && File.Exists(library)) NativeLibrary.TryLoad(library, out _);
    }

    private static readonly ConcurrentDictionary<string, byte> LoadedNative = new(StringComparer.Ordinal);

    private static Assembly? Resolve(AssemblyName requested)
    {
        if (requested.Name is null || !Paths.TryGetValue(requested.Name, out var path)) return null;
        var available = AssemblyName.GetAssemblyName(path).Version;
        if (requested.Version is not null && available is not null && available < requested.Version) return null;
        return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && a.Location == path)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
