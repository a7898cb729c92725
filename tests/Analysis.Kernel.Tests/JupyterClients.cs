using System.Diagnostics;
using System.Text.Json.Nodes;
using Analysis.Kernel.Installation;

namespace Analysis.Kernel.Tests;

/// <summary>
/// Debian's Jupyter clients (jupyter_client, nbclient, nbconvert under /usr/bin/python3) and a kernelspec of the
/// kernel built next to these tests, installed into a temporary prefix: the real user folder is never touched.
/// </summary>
public sealed class JupyterClients : IDisposable
{
    public const string Python = "/usr/bin/python3";

    public const string KernelName = "test-csharp";

    private static readonly Lazy<string?> Missing = new(FindMissing);

    public JupyterClients()
    {
        Prefix = Directory.CreateTempSubdirectory("kernel-spec-").FullName;
        if (Missing.Value is null)
            KernelSpec.Install(KernelSpec.Folder(KernelName, Prefix), "dotnet", KernelDll, Path.Combine(KernelOutput, KernelSpec.LogoFile));
    }

    public static string Root { get; } = global::Analysis.RepositoryPaths.Root(AppContext.BaseDirectory);

    /// <summary>The kernel's own build output, same configuration as these tests.</summary>
    public static string KernelOutput { get; } =
        Path.Combine(Root, "src", "Analysis.Kernel", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0");

    public static string KernelDll => Path.Combine(KernelOutput, "Analysis.Kernel.dll");

    public static string ClientsFolder => Path.Combine(AppContext.BaseDirectory, "clients");

    /// <summary>The temporary prefix holding <c>share/jupyter/kernels/test-csharp</c>.</summary>
    public string Prefix { get; }

    public static bool Installed => Missing.Value is null;

    /// <summary>Skips the calling test, with the reason, when Debian's Jupyter clients are not installed.</summary>
    public static void SkipUnlessInstalled() => Assert.SkipWhen(Missing.Value is not null, Missing.Value ?? "");

    /// <summary>Runs a Python client script with the temporary kernelspec on JUPYTER_PATH.</summary>
    public ProcessResult Run(string script, IEnumerable<string> arguments, string? stdin = null, TimeSpan? timeout = null, string? workingDirectory = null) =>
        ProcessResult.Run(Python, [Path.Combine(ClientsFolder, script), .. arguments], stdin, timeout ?? TimeSpan.FromMinutes(3),
            Environment, workingDirectory);

    /// <summary>The temporary kernelspec first on the search path; connection files in the temporary folder, not the user's.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["JUPYTER_PATH"] = Path.Combine(Prefix, "share", "jupyter"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Prefix, "runtime"),
    };

    /// <summary>Runs <c>drive_kernel.py</c> over the steps and returns one result per step.</summary>
    public DriveResult Drive(params JsonObject[] steps)
    {
        var run = Run("drive_kernel.py", [KernelName], new JsonArray(steps).ToJsonString());
        Assert.True(run.ExitCode == 0, $"drive_kernel.py failed ({run.ExitCode}):\n{run.Stderr}\n{run.Stdout}");
        var json = JsonNode.Parse(run.Stdout)!.AsObject();
        return new DriveResult(json["results"]!.AsArray().Select(r => r!.AsObject()).ToList(), json["first_result_seconds"]?.GetValue<double>());
    }

    private static string? FindMissing()
    {
        if (!File.Exists(Python)) return $"{Python} is absent: install python3-jupyter-client python3-nbclient python3-nbformat python3-nbconvert.";
        var probe = ProcessResult.Run(Python, ["-c", "import jupyter_client, nbclient, nbformat, nbconvert"], null, TimeSpan.FromSeconds(30));
        return probe.ExitCode == 0 ? null
            : $"{Python} lacks Jupyter clients (apt-get install python3-jupyter-client python3-nbclient python3-nbformat python3-nbconvert): {probe.Stderr.Trim()}";
    }

    public void Dispose() => Directory.Delete(Prefix, recursive: true);
}

/// <summary>The per-step results of one drive_kernel.py run.</summary>
public sealed record DriveResult(IReadOnlyList<JsonObject> Steps, double? FirstResultSeconds)
{
    public JsonObject this[int step] => Steps[step];
}

/// <summary>A finished child process.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public static ProcessResult Run(string file, IEnumerable<string> arguments, string? stdin, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}: {stderr.Result}");
        }
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
