using Analysis.Benchmarks;

// Benchmarks print figures; they never fail a build.
// Usage: dotnet run -c Release --project bench/Analysis.Benchmarks -- <name> [args]   (names below)
var benchmarks = new Dictionary<string, Action<string[]>>
{
    ["load"] = LoadBenchmark.Run,
    ["figures"] = FiguresBenchmark.Run,
    ["numbers"] = NumbersBenchmark.Run,
    ["text"] = TextBenchmark.Run,
    ["speakers"] = SpeakersBenchmark.Run,
    ["speakers-dump"] = SpeakersBenchmark.Dump,
    ["cluster"] = ClusterBenchmark.Run,
    ["cluster-scale"] = ClusterBenchmark.Run,
    ["stories"] = StoriesBenchmark.Run,
    ["stories-scale"] = StoriesBenchmark.Run,
    ["stories-eval"] = StoriesEvaluation.Run,
    ["stories-export"] = StoriesEvaluation.Export,
    ["kernel-start"] = a => KernelStartBenchmark.Run(a[1..]),
    ["kernels"] = a => KernelStartBenchmark.RunBoth(a[1..]),
    ["stream"] = StreamBenchmark.Run,
    ["merge"] = StreamBenchmark.Run,
    ["main-command"] = MainCommandBenchmark.Run,
    ["notebook-cells"] = NotebookCellsBenchmark.Run,
};
if (args.Length > 0 && benchmarks.TryGetValue(args[0], out var run)) run(args);
else Console.WriteLine($"usage: Analysis.Benchmarks <{string.Join('|', benchmarks.Keys)}> [args]");
