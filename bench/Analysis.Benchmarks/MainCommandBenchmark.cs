using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

/// <summary>
/// <c>main-command [CORPUS] [RUNS]</c>: the main command on a corpus (default: ../shared/corpora/bbc) as a user runs it
/// after <c>dotnet build -c Release src/Analysis.Runner</c>: the built runner started directly, as
/// <c>dotnet run -c Release --no-build</c> starts it, into a fresh output folder each time. Runs alternate between
/// <c>--jobs 1</c> (notebooks one after another, as the runner ran them before issue 17's change: the peer) and the
/// default (side by side, one per core). Prints per run and as medians: the runner's own total ("cold run, including
/// engine start"), wall time, CPU of the runner and its child (user + system) and the notebook process's peak RSS,
/// with the load average. Goal (issue 17): BBC under 15 s.
/// </summary>
static partial class MainCommandBenchmark
{
    private static readonly string Root = BenchPaths.Root;

    public static void Run(string[] args)
    {
        var corpus = Path.GetFullPath(args.Length > 1 ? args[1] : BenchPaths.SharedCorpus("bbc"));
        var runs = args.Length > 2 && int.TryParse(args[2], out var n) ? n : 3;
        var runner = Path.Combine(Root, "src", "Analysis.Runner", "bin", "Release", "net10.0", "Analysis.Runner.dll");
        if (!File.Exists(runner)) { Console.WriteLine($"main-command: build the runner first (dotnet build -c Release src/Analysis.Runner): {runner} is missing."); return; }
        if (!Directory.Exists(corpus)) { Console.WriteLine($"main-command: no corpus at {corpus}: nothing to measure."); return; }
        var modes = new (string Name, string[] Args)[] { ("one at a time (--jobs 1)", ["--jobs", "1"]), ($"side by side (default, {Environment.ProcessorCount} cores)", []) };
        var figures = modes.Select(_ => new List<(double Runner, double Wall, double Cpu, double Rss)>()).ToArray();
        for (var i = 0; i < runs; i++)
            for (var m = 0; m < modes.Length; m++)
            {
                var f = Once(runner, corpus, modes[m].Args);
                if (f is null) return;
                figures[m].Add(f.Value);
                Console.WriteLine($"main-command run {i + 1}, {modes[m].Name}: runner {f.Value.Runner:F1} s, wall {f.Value.Wall:F1} s, CPU {f.Value.Cpu:F1} s, peak RSS {f.Value.Rss:F0} MB ({BenchFigures.Load()})");
            }
        Console.WriteLine($"main-command on {corpus}, medians of {runs} runs each ({BenchFigures.Load()}); goal for BBC: under 15 s");
        for (var m = 0; m < modes.Length; m++)
            Console.WriteLine($"  {modes[m].Name}: runner {BenchFigures.Median(figures[m].Select(f => f.Runner)):F1} s, wall {BenchFigures.Median(figures[m].Select(f => f.Wall)):F1} s, " +
                $"CPU {BenchFigures.Median(figures[m].Select(f => f.Cpu)):F1} s, peak RSS {BenchFigures.Median(figures[m].Select(f => f.Rss)):F0} MB");
    }

    /// <summary>One run; null (after saying why) when the runner failed.</summary>
    private static (double Runner, double Wall, double Cpu, double Rss)? Once(string runner, string corpus, string[] extra)
    {
        var output = Directory.CreateTempSubdirectory("main-command-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", [runner, "--corpus", corpus, "--out", output, .. extra])
            {
                WorkingDirectory = Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var cpuBefore = ChildrenCpuSeconds();
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var wall = clock.Elapsed.TotalSeconds;
            var cpu = ChildrenCpuSeconds() - cpuBefore;
            var total = TotalLine().Match(stdout);
            var rss = RssLine().Match(stdout);
            if (process.ExitCode != 0 || !total.Success)
            {
                Console.WriteLine($"main-command: the runner exited with {process.ExitCode}:\n{stdout}\n{stderr.Result}");
                return null;
            }
            return (double.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), wall, cpu,
                rss.Success ? double.Parse(rss.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : double.NaN);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>User + system CPU of this process's waited-for descendants (getrusage RUSAGE_CHILDREN; the runner waits for its child).</summary>
    private static double ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux() || getrusage(-1, out var usage) != 0) return double.NaN;
        return usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        // The fourteen long counters after the two times, unused here.
        public long L0, L1, L2, L3, L4, L5, L6, L7, L8, L9, L10, L11, L12, L13;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    [GeneratedRegex(@"in (\d+\.\d) s \(cold run")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"Peak RSS: (\d+) MB in the notebook process")]
    private static partial Regex RssLine();
}
