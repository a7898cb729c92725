using System.Text.Json.Nodes;

namespace Analysis.Kernel.Tests;

/// <summary>The <c>install</c>/<c>uninstall</c> commands, run as a user would, into a temporary prefix.</summary>
public sealed class KernelSpecTests : IDisposable
{
    private readonly string prefix = Directory.CreateTempSubdirectory("kernel-install-").FullName;

    /// <summary>Runs the built kernel's command line; install without its ReadyToRun publish unless <paramref name="publish"/>.</summary>
    private ProcessResult Kernel(params string[] arguments) => Kernel(false, arguments);

    private ProcessResult Kernel(bool publish, params string[] arguments) =>
        ProcessResult.Run("dotnet", [JupyterClients.KernelDll, .. arguments, .. arguments[0] == "install" && !publish ? ["--no-ready-to-run"] : Array.Empty<string>()],
            null, TimeSpan.FromMinutes(publish ? 15 : 1));

    private string SpecFolder(string name) => Path.Combine(prefix, "share", "jupyter", "kernels", name);

    [Fact]
    public void InstallWritesTheSpecUnderTheDefaultName()
    {
        var run = Kernel("install", "--prefix", prefix);
        Assert.Equal(0, run.ExitCode);
        var folder = SpecFolder(".net-csharp");
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        Assert.Equal(".NET (C#)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("C#", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(argv[0]));
        Assert.Equal(JupyterClients.KernelDll, argv[1]);
        Assert.Equal("{connection_file}", argv[2]);
        Assert.True(new FileInfo(Path.Combine(folder, "logo-64x64.png")).Length > 100);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void DefaultInstallPublishesAReadyToRunKernelBesideTheSpec()
    {
        var run = Kernel(publish: true, "install", "--prefix", prefix);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Empty(run.Stderr); // no fallback warning
        var folder = SpecFolder(".net-csharp");
        var dll = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!["argv"]![1]!.GetValue<string>();
        Assert.StartsWith(folder + Path.DirectorySeparatorChar, dll);
        Assert.True(Installation.ReadyToRunBuild.IsReadyToRun(dll), $"{dll} is no ReadyToRun image");
        Assert.False(Installation.ReadyToRunBuild.IsReadyToRun(JupyterClients.KernelDll)); // the check can tell them apart
        Assert.True(Installation.ReadyToRunBuild.IsReadyToRun(Path.Combine(Path.GetDirectoryName(dll)!, "Microsoft.CodeAnalysis.CSharp.dll")));
        Assert.Equal(0, Kernel("uninstall", "--prefix", prefix).ExitCode);
        Assert.False(File.Exists(dll)); // uninstall removes the published kernel with the spec
    }

    [Fact]
    public void InstallUnderAnotherNameAndUninstall()
    {
        Assert.Equal(0, Kernel("install", "--prefix", prefix, "--name", "csharp-analysis").ExitCode);
        Assert.True(File.Exists(Path.Combine(SpecFolder("csharp-analysis"), "kernel.json")));
        Assert.False(Directory.Exists(SpecFolder(".net-csharp")));
        var run = Kernel("uninstall", "--prefix", prefix, "--name", "csharp-analysis");
        Assert.Equal(0, run.ExitCode);
        Assert.False(Directory.Exists(SpecFolder("csharp-analysis")));
    }

    [Fact]
    public void ReplacingADotNetInteractiveSpecWarns()
    {
        var folder = SpecFolder(".net-csharp");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"),
            """{"argv": ["dotnet", "interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}"], "display_name": ".NET (C#)", "language": "C#"}""");
        var run = Kernel("install", "--prefix", prefix);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("replacing a .NET Interactive kernelspec", run.Stderr);
        Assert.Contains("--name", run.Stderr);
        // Reinstalling our own spec replaces it silently.
        Assert.Empty(Kernel("install", "--prefix", prefix).Stderr);
    }

    [Fact]
    public void UnknownOptionIsAClearError()
    {
        var run = Kernel("install", "--prefx", prefix);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option '--prefx'", run.Stderr);
    }

    public void Dispose() => Directory.Delete(prefix, recursive: true);
}
