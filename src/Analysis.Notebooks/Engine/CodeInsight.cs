using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Analysis.Notebooks.Engine;

/// <summary>Completion candidates replacing <c>code[CursorStart..CursorEnd]</c> (UTF-16 offsets), as Jupyter's complete_reply.</summary>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);

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

        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return new(matches, start, cursor);
    }

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
        return type is null ? $"{symbol.Kind}: {signature}" : $"{symbol.Kind}: {signature}\nType: {type.ToDisplayString()}";
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
