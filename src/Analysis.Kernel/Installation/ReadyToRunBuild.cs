using System.Diagnostics;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace Analysis.Kernel.Installation;

/// <summary>
/// The kernel as installed by default: a ReadyToRun publish of its project, in the kernelspec's folder. Roslyn's
/// NuGet assemblies ship as IL only, and JIT-compiling the C# compiler dominates the first cell; precompiled, the
/// kernel reaches its first result in about half the time (docs/kernel.md has the figures).
/// </summary>
public static class ReadyToRunBuild
{
    private const string FolderPrefix = "bin-";

    /// <summary>The kernel's project file, recorded at build time; null when this build does not know it.</summary>
    public static string? ProjectPath { get; } = typeof(ReadyToRunBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "KernelProject")?.Value;

    /// <summary>True when <paramref name="dll"/> holds precompiled native code (a ReadyToRun image).</summary>
    public static bool IsReadyToRun(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    /// <summary>
    /// Publishes <paramref name="project"/> ReadyToRun for this machine into a new folder under
    /// <paramref name="specFolder"/> and removes older ones (a running kernel keeps its files: on Windows they stay
    /// until it exits). Returns the published kernel DLL, or null with the reason.
    /// </summary>
    public static string? Publish(string project, string dotnet, string specFolder, out string? failure)
    {
        var output = Path.Combine(specFolder, $"{FolderPrefix}{DateTime.UtcNow:yyyyMMddHHmmssfff}");
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
                     "-p:PublishReadyToRun=true", "-o", output, "--nologo", "-v", "quiet",
                 })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var dll = Path.Combine(output, "Analysis.Kernel.dll");
        if (process.ExitCode != 0 || !File.Exists(dll))
        {
            failure = $"dotnet publish exited with {process.ExitCode}: {(stdout + stderr.Result).Trim()}";
            TryDelete(output);
            return null;
        }
        foreach (var older in Directory.GetDirectories(specFolder, FolderPrefix + "*").Where(d => d != output))
            TryDelete(older);
        failure = null;
        return dll;
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
