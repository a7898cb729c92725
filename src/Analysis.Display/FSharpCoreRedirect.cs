using System.Reflection;

namespace Analysis.Display;

/// <summary>
/// A binding redirect for FSharp.Core, which Plotly.NET is written in. A notebook host that carries its own
/// FSharp.Core (.NET Interactive 1.0.712001 loads 10.0 before any cell runs) cannot load a second copy, and
/// Plotly.NET 6 asks for 10.1: without a redirect every chart fails with "Could not load FSharp.Core 10.1.0.0".
/// The request is answered with the loaded FSharp.Core when it has the same major version (same API surface
/// apart from additions Plotly.NET does not use). Hosts whose FSharp.Core is new enough never ask.
/// </summary>
internal static class FSharpCoreRedirect
{
    private static int installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AppDomain.CurrentDomain.AssemblyResolve += (_, args) => Resolve(new AssemblyName(args.Name));
    }

    private static Assembly? Resolve(AssemblyName requested)
    {
        if (requested.Name != "FSharp.Core" || requested.Version is not { } wanted) return null;
        return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a =>
            a.GetName() is { Name: "FSharp.Core", Version: { } loaded } && loaded.Major == wanted.Major && loaded < wanted);
    }
}
