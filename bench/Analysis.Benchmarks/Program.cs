using System.Diagnostics;
using Analysis;

// Benchmarks print figures; they never fail a build. Usage: dotnet run -c Release --project bench/Analysis.Benchmarks [load]
if (args.FirstOrDefault() == "load") { Analysis.Benchmarks.LoadBenchmark.Run(args); return; }
if (args.FirstOrDefault() == "text") { Analysis.Benchmarks.TextBenchmark.Run(args); return; }
var bbc = args.Length > 1 ? args[1] : Path.Combine(RepositoryPaths.Root(), "..", "shared", "corpora", "bbc");
if (!Directory.Exists(bbc)) { Console.WriteLine($"BBC corpus not found at {bbc}: nothing to measure."); return; }
var sw = Stopwatch.StartNew();
var corpus = Corpus.Load(bbc);
Console.WriteLine($"load: {corpus.Articles.Count} articles in {sw.Elapsed.TotalSeconds:F3} s");
