using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Analysis.Notebooks.Engine;

/// <summary>A package asked for with <c>#r "nuget: Id, Version"</c> (no version: the latest stable).</summary>
public sealed record PackageRequest(string Id, string? Version)
{
    public override string ToString() => Version is null ? Id : $"{Id}, {Version}";
}

/// <summary>
/// A cell's text split into the C# Roslyn compiles and the notebook directives around it. Directive lines are
/// blanked rather than removed, so compiler and runtime line numbers still point at the cell's own lines.
/// </summary>
internal sealed record CellSource(
    string Code,
    IReadOnlyList<PackageRequest> Packages,
    IReadOnlyList<string> PackageSources,
    IReadOnlyList<(string Path, int Line)> References,
    bool Time,
    CellError? DirectiveError)
{
    /// <summary>Magic commands that only name the cell's language (the engine runs C# only).</summary>
    private static readonly HashSet<string> LanguageMagics = new(StringComparer.OrdinalIgnoreCase) { "#!csharp", "#!c#" };

    /// <summary>C# preprocessor directives and the scripting ones Roslyn honours itself.</summary>
    private static readonly HashSet<string> CompilerDirectives = new(StringComparer.Ordinal)
    {
        "if", "elif", "else", "endif", "define", "undef", "warning", "error", "line", "region", "endregion",
        "pragma", "nullable", "load",
    };

    public static CellSource Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        // Roslyn's tokens tell a directive line from a line inside a multi-line string that happens to start with '#'.
        var root = CSharpSyntaxTree.ParseText(string.Join("\n", lines), ScriptParseOptions).GetRoot();
        var packages = new List<PackageRequest>();
        var sources = new List<string>();
        var references = new List<(string, int)>();
        var time = false;
        CellError? error = null;
        var offset = 0;
        for (var i = 0; i < lines.Length; offset += lines[i].Length + 1, i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (!trimmed.StartsWith('#') || InsideLiteral(root, offset + line.Length - trimmed.Length)) continue;
            var word = trimmed.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
            var argument = trimmed[word.Length..].Trim();
            var lineNumber = i + 1;
            if (word.StartsWith("#!"))
            {
                if (word.Equals("#!time", StringComparison.OrdinalIgnoreCase)) time = true;
                else if (!LanguageMagics.Contains(word))
                    error ??= Unsupported(lineNumber, $"the magic command '{word}' is not supported: cells are C# (#!csharp) and may use #!time");
                lines[i] = "";
            }
            else if (word == "#r")
            {
                var value = Unquote(argument);
                if (value is null) error ??= Unsupported(lineNumber, $"#r expects a quoted path or \"nuget: Id, Version\", got '{argument}'");
                else if (TryNuGet(value, out var rest))
                {
                    var parts = rest.Split(',', StringSplitOptions.TrimEntries);
                    if (parts.Length > 2 || parts[0].Length == 0) error ??= Unsupported(lineNumber, $"expected #r \"nuget: Id, Version\", got '{argument}'");
                    else packages.Add(new PackageRequest(parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null));
                }
                else references.Add((value, lineNumber));
                lines[i] = "";
            }
            else if (word == "#i")
            {
                var value = Unquote(argument);
                if (value is not null && TryNuGet(value, out var source) && source.Length > 0) sources.Add(source);
                else error ??= Unsupported(lineNumber, $"expected #i \"nuget: <package source>\", got '{argument}'");
                lines[i] = "";
            }
            else if (!CompilerDirectives.Contains(new string(trimmed[1..].TrimStart().TakeWhile(char.IsLetter).ToArray())))
            {
                error ??= Unsupported(lineNumber, $"the directive '{word}' is not supported (supported: #r \"path\", #r \"nuget: Id, Version\", #i \"nuget: source\", #load \"file.csx\", #!csharp, #!time)");
                lines[i] = "";
            }
        }
        return new CellSource(string.Join("\n", lines), packages, sources, references, time, error);
    }

    internal static readonly CSharpParseOptions ScriptParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    private static bool InsideLiteral(SyntaxNode root, int position)
    {
        var token = root.FindToken(position, findInsideTrivia: true);
        return token.Span.Contains(position) && token.Kind() is SyntaxKind.StringLiteralToken
            or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.InterpolatedStringTextToken
            or SyntaxKind.InterpolatedMultiLineRawStringStartToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken;
    }

    private static string? Unquote(string argument) =>
        argument.Length >= 2 && argument[0] == '"' && argument[^1] == '"' ? argument[1..^1].Trim() : null;

    private static bool TryNuGet(string value, out string rest)
    {
        const string prefix = "nuget:";
        var isNuGet = value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        rest = isNuGet ? value[prefix.Length..].Trim() : value;
        return isNuGet;
    }

    private static CellError Unsupported(int line, string message) =>
        new("DirectiveError", $"Line {line}: {message}.", [$"DirectiveError: line {line}: {message}."], line);
}
