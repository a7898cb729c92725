using System.Diagnostics;
using System.Text.Json.Nodes;
using Analysis;

/// <summary>
/// Kernel start to first cell result, as a Jupyter front end sees it: Debian's jupyter_client starts the kernel from
/// its kernelspec, waits for it to be ready, executes <c>1 + 1</c> and waits for the result. Goal: under 1.5 s.
/// Usage: dotnet build -c Release src/Analysis.Kernel, then
/// dotnet run -c Release --project bench/Analysis.Benchmarks -- kernel-start [RUNS] [KERNEL_DLL]
/// (KERNEL_DLL: e.g. the ReadyToRun build that docs/kernel.md describes).
/// </summary>
static class KernelStartBenchmark
{
    private const string Python = "/usr/bin/python3";

    public static void Run(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 5;
        var root = RepositoryPaths.Root(AppContext.BaseDirectory);
        var kernel = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(root, "src", "Analysis.Kernel", "bin", "Release", "net10.0", "Analysis.Kernel.dll");
        var driver = Path.Combine(root, "tests", "Analysis.Kernel.Tests", "clients", "drive_kernel.py");
        if (!File.Exists(kernel)) { Console.WriteLine($"kernel-start: build the kernel first (dotnet build -c Release src/Analysis.Kernel): {kernel} is missing."); return; }
        if (Exec(Python, ["-c", "import jupyter_client"], null).ExitCode != 0) { Console.WriteLine($"kernel-start: {Python} lacks jupyter_client (apt-get install python3-jupyter-client): nothing to measure."); return; }

        var prefix = Directory.CreateTempSubdirectory("kernel-bench-").FullName;
        try
        {
            Exec("dotnet", [kernel, "install", "--prefix", prefix, "--name", "bench-csharp"], null);
            var environment = new Dictionary<string, string>
            {
                ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter"),
                ["JUPYTER_RUNTIME_DIR"] = Path.Combine(prefix, "runtime"),
            };
            var firstResults = new List<double>();
            var cells = new List<double>();
            var cpu = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var run = Exec(Python, [driver, "bench-csharp"], """[{"execute": "1 + 1"}]""", environment);
                var json = JsonNode.Parse(run.Stdout)!;
                firstResults.Add(json["first_result_seconds"]!.GetValue<double>());
                cells.Add(json["results"]![0]!["seconds"]!.GetValue<double>());
                cpu.Add(json["kernel_cpu_seconds"]!.GetValue<double>());
                Console.WriteLine($"kernel-start run {i + 1}: start to first result {firstResults[^1]:F2} s (of which the first cell {cells[^1]:F2} s), kernel CPU {cpu[^1]:F2} s");
            }
            firstResults.Sort();
            cells.Sort();
            cpu.Sort();
            Console.WriteLine($"kernel-start ({kernel}): median start to first result {firstResults[runs / 2]:F2} s, first cell {cells[runs / 2]:F2} s, kernel CPU {cpu[runs / 2]:F2} s " +
                $"over {runs} runs (goal < 1.5 s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        }
        finally
        {
            Directory.Delete(prefix, recursive: true);
        }
    }

    private static (int ExitCode, string Stdout) Exec(string file, string[] arguments, string? stdin, Dictionary<string, string>? environment = null)
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
        _ = stderr.Result;
        return (process.ExitCode, stdout);
    }
}
