using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Analysis.Notebooks.Engine.Cells;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace Analysis.Notebooks.Engine;

/// <summary>
/// One C# notebook session on Roslyn scripting, with the semantics of the .NET Interactive C# kernel: state carries
/// across cells, top-level await, a trailing expression is the cell's value, <c>display(x)</c> / <c>x.Display()</c>
/// and the console go to the cell's <see cref="ICellOutput"/>, and the notebook directives (<c>#r</c>, <c>#r "nuget:"</c>,
/// <c>#i</c>, <c>#load</c>, <c>#!csharp</c>, <c>#!time</c>) are honoured. The runner and the kernel are front ends on it.
/// </summary>
public sealed class NotebookSession : IDisposable
{
    /// <summary>
    /// The operation name of the <see cref="Activity"/> that is current while a session's cells run, one per session:
    /// a library that keeps per-notebook state in a process running several notebooks at once keys it on the root
    /// activity of this name (in .NET Interactive, each notebook has its own process and there is none).
    /// </summary>
    public const string NotebookActivityName = "Analysis.Notebooks.Notebook";

    /// <summary>The usings of the .NET Interactive C# kernel, and <c>x.Display()</c>.</summary>
    private static readonly string[] DefaultImports =
    [
        "System", "System.Collections", "System.Collections.Generic", "System.Linq", "System.Text",
        "System.Threading.Tasks", "System.Net.Http", "Microsoft.DotNet.Interactive.Formatting", typeof(DisplayExtensions).Namespace!,
    ];

    private static readonly Lazy<HashSet<string>> HostAssemblies = new(() => new(
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).Select(a => a.GetName().Name!)),
        StringComparer.OrdinalIgnoreCase));

    private readonly string folder;
    private readonly TimeSpan gracePeriod;
    private readonly CellGlobals globals = new();
    private readonly NuGetResolver nuget;
    private readonly Dictionary<string, PackageRequest> packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> packageSources = [];
    private readonly HashSet<string> packageAssemblies = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> loadedExtensions = new(StringComparer.Ordinal);
    private ScriptOptions scriptOptions;
    private ScriptState<object>? state;
    private int executionCount;
    private bool disposed;
    /// <summary>The next cell, being compiled in the background while the current one runs (see <see cref="ExecuteAsync"/>'s nextCode).</summary>
    private CompiledAhead? ahead;
    private readonly CancellationTokenSource lifetime = new();
    /// <summary>This session's cells run one at a time, in the order they are asked for.</summary>
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Activity notebook;

    public NotebookSession(SessionOptions options)
    {
        folder = Path.GetFullPath(options.WorkingDirectory);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The session's working directory does not exist: {folder}");
        gracePeriod = options.InterruptGracePeriod;
        // Started as a root, then made current only while this session's cells run (ExecuteCoreAsync).
        var previous = Activity.Current;
        Activity.Current = null;
        notebook = new Activity(NotebookActivityName).Start();
        Activity.Current = previous;
        nuget = new NuGetResolver(options.NuGetCacheDirectory);
        scriptOptions = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithReferences(FrameworkReferences.Value)
            .AddReferences(typeof(Formatter).Assembly, typeof(CellGlobals).Assembly)
            .WithImports(DefaultImports)
            .WithMetadataResolver(new CachingMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder)))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithAllowUnsafe(true);
    }

    /// <summary>The number of cells executed so far (the last cell's Jupyter execution count).</summary>
    public int ExecutionCount => executionCount;

    /// <summary>The folder cells run in and resolve relative paths against.</summary>
    public string WorkingDirectory => folder;

    /// <summary>
    /// Runs one cell; its console text and displayed values go to <paramref name="output"/> as produced.
    /// <paramref name="timeLimit"/> counts from when the cell starts, not while it waits for its turn (a session's cells
    /// run one at a time, in call order; cells of other sessions run alongside when the sessions share a working
    /// directory, and wait otherwise: see <see cref="DirectoryGate"/>); a cell past it is cancelled and its result is
    /// <see cref="CellResult.TimedOut"/>. A front end that knows the cell to run after this one (a runner does, a
    /// kernel does not) passes it as <paramref name="nextCode"/>: it is compiled on another thread while this cell
    /// runs, and that compilation is used if the next call brings the same code after this cell succeeded. The
    /// results are the same either way; a cell with directives (<c>#r</c>, <c>#i</c>, <c>#load</c>) is not compiled ahead.
    /// </summary>
    public async Task<CellResult> ExecuteAsync(string code, ICellOutput output, CancellationToken cancellationToken = default,
        TimeSpan? timeLimit = null, string? nextCode = null)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            await turn.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return NotStarted();
        }
        try
        {
            IDisposable inFolder;
            try
            {
                inFolder = await DirectoryGate.EnterAsync(folder, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return NotStarted();
            }
            using (inFolder)
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (timeLimit is { } t) limit.CancelAfter(t);
                var result = await ExecuteCoreAsync(code, output, limit.Token, nextCode);
                return result.Success || cancellationToken.IsCancellationRequested || !limit.IsCancellationRequested
                    ? result : result with { TimedOut = true };
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Stopped while waiting for its turn: this cell never started, which is a result, not a crash.</summary>
    private CellResult NotStarted() =>
        new(false, executionCount, null, new CellError("Cancelled", "The cell was cancelled before it started.", [], null), TimeSpan.Zero);

    /// <summary>
    /// Compiles and runs a throwaway submission outside the session's state, so that Roslyn is already JIT-compiled
    /// when the first real cell comes (a kernel calls this at start-up, while its client connects).
    /// </summary>
    public Task WarmUpAsync() =>
        Task.Run(() => CSharpScript.Create("1 + 1", scriptOptions.WithFilePath(Path.Combine(folder, "warm-up.csx")), typeof(CellGlobals))
            .RunAsync(new CellGlobals()));

    /// <summary>Whether <paramref name="code"/> is a complete submission (Jupyter's is_complete request).</summary>
    public IsCompleteResult IsComplete(string code)
    {
        var source = CellSource.Parse(code);
        if (source.DirectiveError is not null) return IsCompleteResult.Invalid;
        var tree = CSharpSyntaxTree.ParseText(source.Code, CellSource.ScriptParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return IsCompleteResult.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? IsCompleteResult.Invalid : IsCompleteResult.Complete;
    }

    /// <summary>Names and members in scope at <paramref name="cursor"/> (a UTF-16 offset into <paramref name="code"/>): Jupyter's complete request.</summary>
    public CompletionResult Complete(string code, int cursor) => CodeInsight.Complete(ScriptFor(code), code, cursor);

    /// <summary>The symbol at <paramref name="cursor"/> with its signature, or null: Jupyter's inspect request.</summary>
    public string? Inspect(string code, int cursor) => CodeInsight.Inspect(ScriptFor(code), code, cursor);

    /// <summary>A not-yet-run cell as it would compile after the cells run so far (directive lines blanked).</summary>
    private Script ScriptFor(string code)
    {
        var options = scriptOptions.WithFilePath(Path.Combine(folder, $"cell{executionCount + 1}.csx"));
        var source = CellSource.Parse(code).Code;
        return state is null ? CSharpScript.Create(source, options, typeof(CellGlobals)) : state.Script.ContinueWith(source, options);
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        state = null;
        ahead = null;
        notebook.Stop();
        lifetime.Cancel();
        lifetime.Dispose();
    }

    /// <summary>A cell's script with its compile errors, and whether it ends in a value to show.</summary>
    private sealed record CompiledCell(Script<object> Script, IReadOnlyList<Diagnostic> Errors, bool HasValue);

    /// <summary>
    /// A cell compiled in the background: <see cref="Compiled"/> is null when it has directives (they must be honoured
    /// first, in order) or its compilation failed unexpectedly; it is used only when the same code comes next, on the
    /// same script, with the same options.
    /// </summary>
    private sealed record CompiledAhead(string Code, int Count, Script After, ScriptOptions Options, Task<CompiledCell?> Compiled);

    /// <summary>
    /// Compiles and emits the cell (the script keeps the emitted code for its run). Emitting reports the compile
    /// errors itself: asking for the diagnostics first, as <c>Script.Compile</c> does, bound every cell twice.
    /// </summary>
    private static CompiledCell Compile(Script<object> script, string cellFile, CancellationToken cancellationToken)
    {
        try
        {
            script.CreateDelegate(cancellationToken);
        }
        catch (CompilationErrorException e)
        {
            return new CompiledCell(script, e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList(), false);
        }
        return new CompiledCell(script, [], HasTrailingValue(script, cellFile));
    }

    private string CellFile(int count) => Path.Combine(folder, $"cell{count}.csx");

    /// <summary>Starts compiling <paramref name="code"/> as the cell after <paramref name="after"/>, on the thread pool.</summary>
    private CompiledAhead CompileAhead(string code, Script after, int count)
    {
        var options = scriptOptions;
        var cellFile = CellFile(count);
        var token = lifetime.Token;
        var compiled = Task.Run(() =>
        {
            try
            {
                var source = CellSource.Parse(code);
                if (source.DirectiveError is not null || source.References.Count > 0 || source.Packages.Count > 0 || source.PackageSources.Count > 0
                    || source.Code.Contains("#load", StringComparison.Ordinal)) return null;
                return Compile(after.ContinueWith(source.Code, options.WithFilePath(cellFile)), cellFile, token);
            }
            catch (Exception)
            {
                // Compiled again, in order, when the cell runs: an error then is reported as usual.
                return null;
            }
        }, CancellationToken.None);
        return new CompiledAhead(code, count, after, options, compiled);
    }

    private async Task<CellResult> ExecuteCoreAsync(string code, ICellOutput output, CancellationToken cancellationToken, string? nextCode)
    {
        var count = ++executionCount;
        var clock = Stopwatch.StartNew();
        var source = CellSource.Parse(code);
        CellResult Done(DisplayData? value, CellError? error) => new(error is null, count, value, error, clock.Elapsed);
        if (source.DirectiveError is { } directiveError) return Done(null, directiveError);

        var context = CellContext.Enter(output, cancellationToken);
        // Flows into the cell's code and the formatting of its value; reverts when this method returns.
        Activity.Current = notebook;
        try
        {
            if (await AddReferencesAsync(source, cancellationToken) is { } referenceError) return Done(null, referenceError);

            var cellFile = CellFile(count);
            var expected = ahead;
            ahead = null;
            var compiled = expected is not null && expected.Code == code && expected.Count == count && state is not null
                && ReferenceEquals(expected.After, state.Script) && ReferenceEquals(expected.Options, scriptOptions)
                ? await expected.Compiled.WaitAsync(cancellationToken)
                : null;
            if (compiled is null)
            {
                var cellOptions = scriptOptions.WithFilePath(cellFile);
                compiled = Compile(state is null
                    ? CSharpScript.Create(source.Code, cellOptions, typeof(CellGlobals))
                    : state.Script.ContinueWith(source.Code, cellOptions), cellFile, cancellationToken);
            }
            if (compiled.Errors.Count > 0) return Done(null, CompilationError(compiled.Errors, cellFile));
            var script = compiled.Script;
            if (nextCode is not null) ahead = CompileAhead(nextCode, script, count + 1);

            // On the thread pool, so that a cell that never yields can still be abandoned.
            var previous = state;
            var run = Task.Run(() => previous is null
                ? script.RunAsync(globals, _ => true, cancellationToken)
                : script.RunFromAsync(previous, _ => true, cancellationToken), CancellationToken.None);
            if (await StopsInTime(run, cancellationToken) is false)
                return Done(null, Error("CellAbandoned",
                    $"The cell was interrupted and did not stop within {gracePeriod.TotalSeconds:0.#} s; it was abandoned (it may still run in the background) and the session goes on from the state before it.", null));
            var next = await run;
            state = next;
            if (next.Exception is { } exception) return Done(null, RuntimeError(exception, cellFile));
            var value = compiled.HasValue ? ValueFormatter.Format(next.ReturnValue) : null;
            if (source.Time) Console.WriteLine($"Wall time: {clock.Elapsed.TotalMilliseconds:F0} ms");
            return Done(value, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Done(null, Error("Cancelled", "The cell was interrupted before it ran.", null));
        }
        finally
        {
            context.Flush();
        }
    }

    /// <summary>Waits for the cell; once cancelled, gives it the grace period to stop. False when it did not.</summary>
    private async Task<bool> StopsInTime(Task run, CancellationToken cancellationToken)
    {
        try
        {
            await run.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !run.IsCompleted)
        {
            return await Task.WhenAny(run, Task.Delay(gracePeriod, CancellationToken.None)) == run;
        }
    }

    /// <summary>Adds the cell's <c>#r</c> files and NuGet packages to the session's references.</summary>
    private async Task<CellError?> AddReferencesAsync(CellSource source, CancellationToken cancellationToken)
    {
        foreach (var (path, line) in source.References)
        {
            var isFile = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.Contains('/') || path.Contains('\\');
            var full = isFile ? Path.GetFullPath(path, folder) : path;
            if (isFile && !File.Exists(full))
                return Error("ReferenceError", $"Line {line}: #r could not find '{path}' (looked for {full}).", line);
            scriptOptions = scriptOptions.AddReferences(full);
        }
        // Sources from #i (relative to the notebook's folder) serve this cell's packages and every later cell's: a cell
        // may hold only "#i", as in .NET Interactive.
        packageSources.AddRange(source.PackageSources.Select(s => NuGetResolver.Absolute(s, folder)).Except(packageSources).ToList());
        if (source.Packages.Count == 0) return null;

        // All of the session's packages are restored together so that their versions agree.
        foreach (var package in source.Packages) packages[package.Id] = package;
        // Then the sources of NuGet.Config files at or above the notebook's folder, as .NET Interactive reads them.
        var settings = NuGetResolver.ConfiguredSettings(folder);
        packageSources.AddRange(settings.Sources.Except(packageSources).ToList());
        NuGetResolution resolved;
        try
        {
            resolved = await nuget.ResolveAsync(packages.Values, packageSources, settings.PackagesFolder, cancellationToken);
        }
        catch (NuGetRestoreException e)
        {
            return Error("NuGetRestoreError", e.Message, null);
        }
        // An assembly the host already has wins over a package's copy: loading both would split their types.
        var added = resolved.Assemblies
            .Where(a => !HostAssemblies.Value.Contains(Path.GetFileNameWithoutExtension(a)) && packageAssemblies.Add(Path.GetFileName(a)))
            .ToList();
        scriptOptions = scriptOptions.AddReferences(added);
        PackageAssemblyResolver.Add(added);
        PackageAssemblyResolver.LoadNative(resolved.NativeLibraries);
        Console.WriteLine($"Installed packages: {string.Join(", ", resolved.Packages.Where(p => source.Packages.Any(r => r.Id.Equals(p.Id, StringComparison.OrdinalIgnoreCase))))}");
        foreach (var script in resolved.PackageFolders.Select(f => Path.Combine(f, "interactive-extensions", "dotnet", "extension.dib")))
            if (File.Exists(script) && loadedExtensions.Add(script) && await RunExtensionAsync(script, cancellationToken) is { } extensionError)
                return extensionError;
        return null;
    }

    /// <summary>
    /// Runs a package's <c>interactive-extensions/dotnet/extension.dib</c> in the session, as .NET Interactive does
    /// when it loads the package (its C# cells; cells for other languages are skipped): a package registers its
    /// formatters without a line in the notebook.
    /// </summary>
    private async Task<CellError?> RunExtensionAsync(string path, CancellationToken cancellationToken)
    {
        var code = DibCells.CSharp(await File.ReadAllTextAsync(path, cancellationToken));
        if (code.Length == 0) return null;
        var options = scriptOptions.WithFilePath(path);
        var script = state is null ? CSharpScript.Create(code, options, typeof(CellGlobals)) : state.Script.ContinueWith(code, options);
        var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) return Error("ExtensionError", $"{path}: {Describe(errors[0])}", null);
        var next = state is null
            ? await script.RunAsync(globals, _ => true, cancellationToken)
            : await script.RunFromAsync(state, _ => true, cancellationToken);
        if (next.Exception is { } exception) return Error("ExtensionError", $"{path}: {exception.Message}", null);
        state = next;
        Console.WriteLine($"Loaded extension script {path}");
        return null;
    }

    private static CellError Error(string name, string message, int? line) => new(name, message, [$"{name}: {message}"], line);

    private static CellError CompilationError(IReadOnlyList<Diagnostic> errors, string cellFile)
    {
        var sorted = errors.OrderBy(d => d.Location.SourceTree?.FilePath == cellFile ? 0 : 1)
            .ThenBy(d => d.Location.SourceSpan.Start).ToList();
        var lines = sorted.Select(d => Describe(d)).ToList();
        var first = sorted[0].Location;
        int? line = first.SourceTree?.FilePath == cellFile ? first.GetLineSpan().StartLinePosition.Line + 1 : null;
        return new CellError("CompilationError", lines[0], lines, line);
    }

    private static string Describe(Diagnostic d)
    {
        if (!d.Location.IsInSource) return $"error {d.Id}: {d.GetMessage()}";
        var span = d.Location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage()}";
    }

    private static CellError RuntimeError(Exception exception, string cellFile)
    {
        var text = exception.ToString();
        var match = Regex.Match(text, Regex.Escape(cellFile) + @":line (\d+)");
        var traceback = text.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => !l.TrimStart().StartsWith("at Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal)).ToList();
        return new CellError(exception.GetType().Name, exception.Message, traceback, match.Success ? int.Parse(match.Groups[1].Value) : null);
    }

    /// <summary>
    /// A cell has a value when it ends in an expression without a semicolon whose type is not void; this tells
    /// "no trailing expression" from an expression that evaluated to null.
    /// </summary>
    private static bool HasTrailingValue(Script script, string cellFile)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == cellFile);
        if (tree?.GetRoot() is not CompilationUnitSyntax { Members: [.., GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }] }
            || !statement.SemicolonToken.IsMissing) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>
    /// The whole shared framework, as a notebook user expects (not only Roslyn's short default list); one set of
    /// reference objects for all sessions, so each assembly's metadata is read once.
    /// </summary>
    private static readonly Lazy<MetadataReference[]> FrameworkReferences = new(() =>
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(runtime, "*.dll")
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("System.", StringComparison.Ordinal) ||
                n.StartsWith("Microsoft.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll"))
            .Where(IsManaged)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToArray();
    });

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
