using System.Diagnostics;
using System.Text.Json.Nodes;
using Analysis;

/// <summary>
/// Kernels as a Jupyter front end sees them, driven by Debian's jupyter_client (tests/Analysis.Kernel.Tests/clients/drive_kernel.py).
/// <c>kernel-start [RUNS] [KERNEL_DLL]</c>: this package's kernel, start to first result of <c>1 + 1</c>. Goal: under 1.5 s.
/// <c>kernels [RUNS] [KERNEL_DLL] [--interactive PATH] [--no-ready-to-run]</c>: this package's kernel and .NET Interactive
/// side by side from one run, runs alternating: start to first result, median small cell, median completion, resident
/// memory. Our kernel is installed as <c>dotnet run --project src/Analysis.Kernel -- install</c> does by default (a
/// ReadyToRun publish of the project; KERNEL_DLL defaults to the Debug build that command runs from);
/// .NET Interactive is looked for at --interactive, in ~/.dotnet/tools and on PATH
/// (<c>dotnet tool install --tool-path DIR Microsoft.dotnet-interactive --version 1.0.712001</c>).
/// </summary>
static class KernelStartBenchmark
{
    private const string Python = "/usr/bin/python3";

    private static readonly string Root = RepositoryPaths.Root(AppContext.BaseDirectory);

    private static readonly string Driver = Path.Combine(Root, "tests", "Analysis.Kernel.Tests", "clients", "drive_kernel.py");

    private static string DefaultKernel(string configuration) =>
        Path.Combine(Root, "src", "Analysis.Kernel", "bin", configuration, "net10.0", "Analysis.Kernel.dll");

    public static void Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5;
        var kernel = args.Length > 1 ? Path.GetFullPath(args[1]) : DefaultKernel("Release");
        if (!Ready(kernel, "kernel-start")) return;
        using var spec = KernelSpecs.Create();
        spec.AddOurs("bench-csharp", kernel);
        var firstResults = new List<double>();
        var cells = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var json = spec.Drive("bench-csharp", """[{"execute": "1 + 1"}]""");
            firstResults.Add(json["first_result_seconds"]!.GetValue<double>());
            cells.Add(json["results"]![0]!["seconds"]!.GetValue<double>());
            cpu.Add(json["kernel_cpu_seconds"]!.GetValue<double>());
            Console.WriteLine($"kernel-start run {i + 1}: start to first result {firstResults[^1]:F2} s (of which the first cell {cells[^1]:F2} s), kernel CPU {cpu[^1]:F2} s");
        }
        Console.WriteLine($"kernel-start ({kernel}): median start to first result {Median(firstResults):F2} s, first cell {Median(cells):F2} s, kernel CPU {Median(cpu):F2} s " +
            $"over {runs} runs (goal < 1.5 s; {Load()})");
    }

    /// <summary>Both kernels side by side; see the class summary.</summary>
    public static void RunBoth(string[] args)
    {
        var interactiveAt = Array.IndexOf(args, "--interactive");
        var interactive = interactiveAt >= 0 && interactiveAt + 1 < args.Length ? args[interactiveAt + 1] : FindInteractive();
        var readyToRun = !args.Contains("--no-ready-to-run");
        var positional = args.Where((a, i) => i != interactiveAt && i != interactiveAt + 1 && !a.StartsWith("--")).ToArray();
        var runs = positional.Length > 0 && int.TryParse(positional[0], out var n) ? n : 3;
        var kernel = positional.Length > 1 ? Path.GetFullPath(positional[1]) : DefaultKernel("Debug");
        if (!Ready(kernel, "kernels")) return;
        using var spec = KernelSpecs.Create();
        if (readyToRun) Console.WriteLine("kernels: installing this package's kernel as its default install does (a ReadyToRun publish; minutes the first time)...");
        kernel = spec.AddOurs("bench-csharp", kernel, readyToRun);
        List<(string Name, string Spec)> kernels = [("this package", "bench-csharp")];
        if (interactive is not null && File.Exists(interactive))
        {
            spec.AddInteractive("bench-interactive", interactive);
            kernels.Add((".NET Interactive 1.0.712001", "bench-interactive"));
        }
        else Console.WriteLine("kernels: .NET Interactive not found (dotnet tool install --tool-path DIR Microsoft.dotnet-interactive --version 1.0.712001, then --interactive DIR/dotnet-interactive): measuring this package's kernel only.");

        // A small cell and a completion a notebook user makes all the time, repeated for medians.
        var script = new JsonArray { new JsonObject { ["execute"] = "1 + 1" }, new JsonObject { ["execute"] = "var x = 41;" } };
        for (var i = 0; i < 15; i++) script.Add(new JsonObject { ["execute"] = "x + 1" });
        for (var i = 0; i < 10; i++) script.Add(new JsonObject { ["complete"] = "Console.Wri", ["cursor_pos"] = 11 });
        script.Add(new JsonObject { ["rss"] = true });

        var figures = kernels.ToDictionary(k => k.Name, _ => (First: new List<double>(), Cell: new List<double>(), Complete: new List<double>(), Rss: new List<double>(), Cpu: new List<double>()));
        for (var run = 0; run < runs; run++)
            foreach (var (name, specName) in kernels)
            {
                var json = spec.Drive(specName, script.ToJsonString());
                var steps = json["results"]!.AsArray().Select(s => s!.AsObject()).ToList();
                var f = figures[name];
                f.First.Add(json["first_result_seconds"]!.GetValue<double>());
                f.Cell.Add(Median(steps.Skip(2).Take(15).Select(s => s["seconds"]!.GetValue<double>() * 1000).ToList()));
                f.Complete.Add(Median(steps.Skip(17).Take(10).Select(s => s["seconds"]!.GetValue<double>() * 1000).ToList()));
                f.Rss.Add(steps[^1]["rss_mb"]!.GetValue<double>());
                f.Cpu.Add(json["kernel_cpu_seconds"]?.GetValue<double>() ?? double.NaN);
                var completed = steps[17]["reply"]?["matches"]?.AsArray().Count ?? 0;
                Console.WriteLine($"kernels run {run + 1}, {name}: first result {f.First[^1]:F2} s, cell {f.Cell[^1]:F0} ms, completion {f.Complete[^1]:F0} ms ({completed} matches), RSS {f.Rss[^1]:F0} MB, kernel CPU {f.Cpu[^1]:F2} s");
            }
        Console.WriteLine($"\nkernels: medians over {runs} runs each, alternating ({Load()}); our kernel: {kernel}");
        // Kernel CPU (the whole script: start, 17 cells, 10 completions) depends less on other load than wall times.
        Console.WriteLine($"| kernel | start → first result | small cell | completion | RSS | kernel CPU |");
        Console.WriteLine($"| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, f) in figures)
            Console.WriteLine($"| {name} | {Median(f.First):F2} s | {Median(f.Cell):F0} ms | {Median(f.Complete):F0} ms | {Median(f.Rss):F0} MB | {Median(f.Cpu):F2} s |");
    }

    private static bool Ready(string kernel, string command)
    {
        if (!File.Exists(kernel)) { Console.WriteLine($"{command}: build the kernel first (dotnet build src/Analysis.Kernel): {kernel} is missing."); return false; }
        if (Exec(Python, ["-c", "import jupyter_client"], null).ExitCode == 0) return true;
        Console.WriteLine($"{command}: {Python} lacks jupyter_client (apt-get install python3-jupyter-client): nothing to measure.");
        return false;
    }

    private static string? FindInteractive()
    {
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-interactive");
        if (File.Exists(home)) return home;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "dotnet-interactive")).FirstOrDefault(File.Exists);
    }

    private static double Median(List<double> values) => BenchFigures.Median(values);

    private static string Load() => BenchFigures.Load();

    /// <summary>A temporary Jupyter data folder holding the kernelspecs under test (never the user's).</summary>
    private sealed class KernelSpecs : IDisposable
    {
        private readonly string prefix = Directory.CreateTempSubdirectory("kernel-bench-").FullName;

        public static KernelSpecs Create() => new();

        private string Kernels => Path.Combine(prefix, "share", "jupyter", "kernels");

        /// <summary>This package's kernel, installed by its own install command; returns the kernel DLL the spec runs.</summary>
        public string AddOurs(string name, string kernelDll, bool readyToRun = false)
        {
            Exec("dotnet", [kernelDll, "install", "--prefix", prefix, "--name", name, .. readyToRun ? Array.Empty<string>() : ["--no-ready-to-run"]], null);
            return JsonNode.Parse(File.ReadAllText(Path.Combine(Kernels, name, "kernel.json")))!["argv"]![1]!.GetValue<string>();
        }

        /// <summary>.NET Interactive's C# kernelspec as its <c>jupyter install</c> writes it, started through the tool's own launcher.</summary>
        public void AddInteractive(string name, string tool)
        {
            var folder = Directory.CreateDirectory(Path.Combine(Kernels, name)).FullName;
            var spec = new JsonObject
            {
                ["argv"] = new JsonArray(tool, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000"),
                ["display_name"] = ".NET Interactive (C#)",
                ["language"] = "C#",
                ["env"] = new JsonObject { ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            };
            File.WriteAllText(Path.Combine(folder, "kernel.json"), spec.ToJsonString());
        }

        public JsonNode Drive(string name, string script)
        {
            var run = Exec(Python, [Driver, name], script, new()
            {
                ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter"),
                ["JUPYTER_RUNTIME_DIR"] = Path.Combine(prefix, "runtime"),
            });
            return run.ExitCode == 0 && JsonNode.Parse(run.Stdout) is { } json ? json
                : throw new InvalidOperationException($"drive_kernel.py failed for {name} ({run.ExitCode}): {run.Stderr}");
        }

        public void Dispose() => Directory.Delete(prefix, recursive: true);
    }

    private static (int ExitCode, string Stdout, string Stderr) Exec(string file, string[] arguments, string? stdin, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? []) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
