using Analysis.Benchmarks;

// Benchmarks print figures; they never fail a build.
// Usage: dotnet run -c Release --project bench/Analysis.Benchmarks -- <load|figures|text|cluster|cluster-scale|stories|stories-scale|stories-eval|kernel-start> [args]
switch (args.FirstOrDefault())
{
    case "load": LoadBenchmark.Run(args); break;
    case "figures": FiguresBenchmark.Run(args); break;
    case "text": TextBenchmark.Run(args); break;
    case "cluster" or "cluster-scale": ClusterBenchmark.Run(args); break;
    case "stories-eval": StoriesEvaluation.Run(args); break;
    case "stories" or "stories-scale": StoriesBenchmark.Run(args); break;
    case "kernel-start": KernelStartBenchmark.Run(args[1..]); break;
    default:
        Console.WriteLine("usage: Analysis.Benchmarks <load|figures|text|cluster|cluster-scale|stories|stories-scale|stories-eval|kernel-start> [args]");
        break;
}
