using Analysis;
using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Running;

// Runs notebooks headless: dotnet run --project src/Analysis.Runner -- [notebook ...] [--corpus PATH] [--out DIR] [--parameter name=value ...]
const string Usage = """
    usage: Analysis.Runner [notebook ...] [--corpus PATH] [--out DIR] [--parameter name=value ...]
      notebook          a path, or a name in notebooks/ ("01-articles", or "01"); default: every notebook in notebooks/, in name order
      --corpus PATH     corpus folder, injected as the notebooks' `corpus` parameter (default: the notebooks' own, seeds/)
      --out DIR         output folder (default: artifacts/), injected as the `output` parameter
      --parameter, -p   any other parameter, name=value
    Analysis.Runner stream|merge ...: the analysis without notebooks, for corpora larger than memory or split in shards
                        (Analysis.Runner stream --help)
    """;

if (args.Length > 0 && args[0] is "stream" or "merge") return StreamCommand.Run(args[0], args[1..]);

var root = RepositoryRoot();
var notebooksFolder = Path.Combine(root, "notebooks");
var selected = new List<string>();
var parameters = new Dictionary<string, string>();
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--corpus" or "--out" or "--parameter" or "-p" && i + 1 == args.Length) return Fail($"{args[i]} needs a value");
    string Value() => args[++i];
    switch (args[i])
    {
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        case "--corpus":
            parameters["corpus"] = Path.GetFullPath(Value());
            break;
        case "--out":
            output = Path.GetFullPath(Value());
            parameters["output"] = output;
            break;
        case "--parameter" or "-p":
            var pair = Value().Split('=', 2);
            if (pair.Length != 2 || pair[0].Length == 0) return Fail($"--parameter expects name=value, got '{args[i]}'");
            parameters[pair[0]] = pair[1];
            break;
        case var option when option.StartsWith('-'):
            return Fail($"unknown option '{option}'");
        default:
            selected.Add(args[i]);
            break;
    }
}

var notebooks = selected.Count == 0
    ? Directory.GetFiles(notebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToList()
    : selected.Select(FindNotebook).ToList();
if (notebooks.FirstOrDefault(n => !File.Exists(n)) is { } missing) return Fail($"no notebook '{missing}' (nor a single one in {notebooksFolder} whose name starts so)");
output ??= Path.Combine(root, "artifacts");

Console.WriteLine($"Running {notebooks.Count} notebook(s) into {output}");
try
{
    var summary = await NotebookRunner.RunAsync(new RunOptions
    {
        Notebooks = notebooks,
        OutputDirectory = output,
        Parameters = parameters,
        Log = Console.Out,
    });
    foreach (var run in summary.Notebooks.Where(r => r.Failure is not null))
    {
        var f = run.Failure!;
        Console.Error.WriteLine($"FAILED {run.Name}, cell {f.Index}{(f.Error!.Line is { } line ? $", line {line}" : "")}: {f.Error.Name}: {f.Error.Message}");
    }
    var cells = summary.Notebooks.Sum(n => n.Cells.Count);
    Console.WriteLine($"Ran {summary.Notebooks.Count} notebook(s), {cells} code cells, in {summary.Duration.TotalSeconds:F1} s (cold run, including engine start).");
    Console.WriteLine($"Report: {summary.ReportPath}");
    return summary.Success ? 0 : 1;
}
catch (NotebookFormatException e)
{
    return Fail(e.Message);
}

// A path, or a name in notebooks/ given whole ("01-articles") or by its unique start ("01").
string FindNotebook(string name)
{
    if (File.Exists(name)) return Path.GetFullPath(name);
    var matches = Directory.GetFiles(notebooksFolder, "*.ipynb")
        .Where(f => Path.GetFileName(f).StartsWith(name, StringComparison.Ordinal)).ToList();
    return matches.Count == 1 ? matches[0] : name;
}

// The checkout the user is in, else the one this runner was built in.
static string RepositoryRoot()
{
    try
    {
        return RepositoryPaths.Root();
    }
    catch (DirectoryNotFoundException)
    {
        return RepositoryPaths.Root(AppContext.BaseDirectory);
    }
}

static int Fail(string message)
{
    Console.Error.WriteLine($"error: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
