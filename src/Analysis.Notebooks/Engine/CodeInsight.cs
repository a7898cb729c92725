using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Analysis.Notebooks.Engine;

/// <summary>Completion candidates replacing <c>code[CursorStart..CursorEnd]</c> (UTF-16 offsets), as Jupyter's complete_reply.</summary>
/// <param name="Matches">The names offered, in ordinal order.</param>
/// <param name="CursorStart">Where the text they replace starts.</param>
/// <param name="CursorEnd">Where it ends (the cursor).</param>
/// <param name="Kinds">For each match, what it names, in the words VS Code's Jupyter extension maps to item icons
/// (<c>method</c>, <c>function</c>, <c>class</c>, <c>property</c>, <c>variable</c>, …; see <see cref="CodeInsight"/>).</param>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd, IReadOnlyList<string> Kinds)
{
    /// <summary>Candidates without kinds (each "text").</summary>
    public CompletionResult(IReadOnlyList<string> matches, int cursorStart, int cursorEnd)
        : this(matches, cursorStart, cursorEnd, matches.Select(_ => "text").ToList()) { }
}

/// <summary>
/// Completion and inspection from Roslyn's semantic model of a cell compiled after the session's earlier cells:
/// after a dot, the members of the expression's type (extension methods included) or of the namespace or type
/// named; elsewhere, every name in scope (locals, earlier cells' variables and declarations, imported types,
/// namespaces, keywords are not offered).
/// </summary>
internal static class CodeInsight
{
    public static CompletionResult Complete(Script script, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];
        var (model, position) = Model(script, code, start);
        if (model is null) return new([], start, cursor);

        IEnumerable<ISymbol> symbols;
        var token = model.SyntaxTree.GetRoot().FindToken(Math.Max(0, position - 1));
        if (position > 0 && token.IsKind(SyntaxKind.DotToken) && token.Parent is MemberAccessExpressionSyntax or QualifiedNameSyntax)
        {
            var target = token.Parent switch
            {
                MemberAccessExpressionSyntax access => (ExpressionSyntax)access.Expression,
                QualifiedNameSyntax name => name.Left,
                _ => throw new InvalidOperationException(),
            };
            symbols = Members(model, target, position);
        }
        else symbols = model.LookupSymbols(position);

        // One item per name (overloads and a type's several arities fold into the first symbol's kind).
        var items = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Kind: Kind(g.First())))
            .ToList();
        return new(items.Select(i => i.Name).ToList(), start, cursor, items.Select(i => i.Kind).ToList());
    }

    /// <summary>
    /// The completion item type of a symbol, in the vocabulary of VS Code's Jupyter extension (its mapJupyterKind):
    /// an earlier cell's variables and methods belong to the script class, so they are a "variable" and a "function".
    /// </summary>
    public static string Kind(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } => "constructor",
        IMethodSymbol method => method.ContainingType?.IsScriptClass == true ? "function" : "method",
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => "enumMember",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol field => field.ContainingType?.IsScriptClass == true ? "variable" : "field",
        IPropertySymbol => "property",
        IEventSymbol => "event",
        ILocalSymbol or IParameterSymbol or IRangeVariableSymbol => "variable",
        INamespaceSymbol => "module",
        ITypeParameterSymbol => "typeParameter",
        INamedTypeSymbol type => type.TypeKind switch
        {
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            TypeKind.Enum => "enum",
            _ => "class",
        },
        _ => "text",
    };

    public static string? Inspect(Script script, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        // Inspect the identifier the cursor is in or just after.
        var at = cursor;
        while (at > 0 && (char.IsLetterOrDigit(code[at - 1]) || code[at - 1] == '_')) at--;
        var (model, position) = Model(script, code, at);
        if (model is null) return null;
        var token = model.SyntaxTree.GetRoot().FindToken(position);
        if (token.Parent is null) return null;
        var info = model.GetSymbolInfo(token.Parent);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(token.Parent);
        if (symbol is null) return null;
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        var signature = symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var text = type is null ? $"{symbol.Kind}: {signature}" : $"{symbol.Kind}: {signature}\nType: {type.ToDisplayString()}";
        return Summary(symbol, model.Compilation) is { } summary ? $"{text}\n\n{summary}" : text;
    }

    /// <summary>
    /// The XML-doc summary of a symbol (of a variable, its type's): from the compilation's documentation provider when
    /// the reference has one, else from the XML file beside the referenced DLL (a library built with its docs, as
    /// this package's is) or from the SDK's reference pack, which documents the framework (e.g. string's members live
    /// in System.Private.CoreLib but are documented in System.Runtime.xml).
    /// </summary>
    internal static string? Summary(ISymbol symbol, Compilation compilation)
    {
        if (symbol is ILocalSymbol or IFieldSymbol { ContainingType.IsScriptClass: true } or IParameterSymbol)
            symbol = symbol switch { ILocalSymbol l => l.Type, IFieldSymbol f => f.Type, IParameterSymbol p => p.Type, _ => symbol };
        symbol = symbol.OriginalDefinition;
        if (symbol is IMethodSymbol { ReducedFrom: { } unreduced }) symbol = unreduced;
        if (symbol.GetDocumentationCommentXml() is { Length: > 0 } xml && XmlDocs.SummaryOf(xml) is { } own) return own;
        var id = symbol.GetDocumentationCommentId();
        if (id is null || symbol.ContainingAssembly is not { } assembly) return null;
        var files = new List<string>();
        if (compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } dll })
            files.Add(Path.ChangeExtension(dll, ".xml"));
        if (XmlDocs.ReferencePack is { } pack)
        {
            files.Add(Path.Combine(pack, assembly.Name + ".xml"));
            files.Add(Path.Combine(pack, "System.Runtime.xml"));
        }
        return files.Select(f => XmlDocs.Load(f).GetValueOrDefault(id)).FirstOrDefault(s => s is not null);
    }

    private static IEnumerable<ISymbol> Members(SemanticModel model, ExpressionSyntax target, int position)
    {
        var symbol = model.GetSymbolInfo(target).Symbol;
        if (symbol is INamespaceOrTypeSymbol container)
            return container is INamespaceSymbol ? model.LookupNamespacesAndTypes(position, container) : model.LookupStaticMembers(position, container);
        var type = model.GetTypeInfo(target).Type;
        return type is null ? [] : model.LookupSymbols(position, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { IsExtensionMethod: true });
    }

    /// <summary>The semantic model of the cell and the position in it of <paramref name="offset"/> (directive lines are blanked, so offsets move).</summary>
    private static (SemanticModel? Model, int Position) Model(Script script, string code, int offset)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree is null) return (null, 0);
        var before = code[..offset].Replace("\r\n", "\n");
        var line = before.Count(c => c == '\n');
        var column = before.Length - (before.LastIndexOf('\n') + 1);
        var lines = tree.GetText().Lines;
        if (line >= lines.Count) return (null, 0);
        var position = lines[line].Start + column;
        if (position > lines[line].End) return (null, 0); // the cursor is on a blanked directive line
        return (compilation.GetSemanticModel(tree), position);
    }
}

/// <summary>Summaries read from XML documentation files, each file read once (lazily: the framework's are large).</summary>
internal static class XmlDocs
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string>>> Files = new(StringComparer.Ordinal);

    /// <summary>The documented reference assemblies of the running framework in the SDK (<c>packs/Microsoft.NETCore.App.Ref</c>), or null without an SDK.</summary>
    public static string? ReferencePack { get; } = FindReferencePack();

    /// <summary>Documentation id (<c>M:System.String.Trim</c>) → summary text, for one XML file; empty when it is absent or unreadable.</summary>
    public static IReadOnlyDictionary<string, string> Load(string path) =>
        Files.GetOrAdd(path, p => new(() => Read(p))).Value;

    /// <summary>The plain text of the summary in one member's XML doc.</summary>
    public static string? SummaryOf(string memberXml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(memberXml), new XmlReaderSettings { ConformanceLevel = ConformanceLevel.Fragment });
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "summary") return Text(reader);
        }
        catch (XmlException) { }
        return null;
    }

    private static IReadOnlyDictionary<string, string> Read(string path)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return summaries;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            string? member = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.Name == "member") member = reader.GetAttribute("name");
                else if (reader.Name == "summary" && member is not null && Text(reader) is { Length: > 0 } text) summaries.TryAdd(member, text);
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException) { }
        return summaries;
    }

    /// <summary>The text of the element the reader is on: cref'd names shortened, whitespace collapsed.</summary>
    private static string Text(XmlReader reader)
    {
        var text = new StringBuilder();
        using var inner = reader.ReadSubtree();
        while (inner.Read())
        {
            if (inner.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                text.Append(inner.Value);
            else if (inner.NodeType == XmlNodeType.Element && inner.IsEmptyElement)
            {
                var reference = inner.GetAttribute("cref") ?? inner.GetAttribute("name") ?? inner.GetAttribute("langword") ?? "";
                var name = reference.Length > 1 && reference[1] == ':' ? reference[2..] : reference;
                var paren = name.IndexOf('(');
                if (paren >= 0) name = name[..paren];
                text.Append(name[(name.LastIndexOf('.') + 1)..]);
            }
        }
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? FindReferencePack()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtime is null) return null;
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var exact = Path.Combine(packs, Path.GetFileName(runtime), "ref", framework);
        if (Directory.Exists(exact)) return exact;
        return Directory.GetDirectories(packs)
            .Select(d => Path.Combine(d, "ref", framework))
            .Where(Directory.Exists)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))), out var v) ? v : new Version())
            .FirstOrDefault();
    }
}
