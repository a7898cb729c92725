using System.Text.Json.Nodes;

namespace Analysis.Kernel.Tests;

/// <summary>
/// The official .NET Interactive kernel (dotnet tool Microsoft.dotnet-interactive), when it is installed: .ci/run
/// installs it with <c>dotnet tool install --tool-path</c> into <see cref="DefaultToolPath"/>;
/// <c>DOTNET_INTERACTIVE_TOOL_PATH</c> names another tool folder, and a global install (~/.dotnet/tools) is found too.
/// </summary>
public static class DotNetInteractive
{
    public const string Version = "1.0.712001";

    /// <summary>Its kernelspec's name in the tests' temporary prefix (this package's kernel also calls itself .net-csharp).</summary>
    public const string KernelName = "dotnet-interactive-csharp";

    public static string DefaultToolPath { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "analysis", "dotnet-interactive", Version);

    /// <summary>The tool's executable, or null when it is not installed.</summary>
    public static string? Executable { get; } = new[]
        {
            Environment.GetEnvironmentVariable("DOTNET_INTERACTIVE_TOOL_PATH"),
            DefaultToolPath,
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"),
        }
        .OfType<string>().Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet-interactive.exe" : "dotnet-interactive"))
        .FirstOrDefault(File.Exists);

    public static bool Installed => Executable is not null && JupyterClients.Installed;

    /// <summary>Skips the calling test, with the reason, when the tool or Debian's Jupyter clients are missing.</summary>
    public static void SkipUnlessInstalled()
    {
        JupyterClients.SkipUnlessInstalled();
        Assert.SkipWhen(Executable is null,
            $"the .NET Interactive tool is not installed (.ci/run installs it: dotnet tool install --tool-path {DefaultToolPath} Microsoft.dotnet-interactive --version {Version}): notebooks not run through it.");
    }

    /// <summary>
    /// Writes the kernelspec that <c>dotnet-interactive jupyter install</c> would, pointing at the tool's own path
    /// (its installer writes <c>dotnet interactive</c>, which only a global install answers), with telemetry off.
    /// </summary>
    public static void InstallKernelSpec(string prefix)
    {
        var folder = Path.Combine(prefix, "share", "jupyter", "kernels", KernelName);
        Directory.CreateDirectory(folder);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(Executable, "jupyter", "--default-kernel", "csharp", "--http-port-range", "2048-3000", "{connection_file}"),
            ["display_name"] = ".NET Interactive (C#)",
            ["language"] = "C#",
            ["env"] = new JsonObject { ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        };
        File.WriteAllText(Path.Combine(folder, "kernel.json"), spec.ToJsonString());
    }
}
