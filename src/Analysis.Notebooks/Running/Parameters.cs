using System.Globalization;
using System.Text.Json.Nodes;
using Analysis.Notebooks.Ipynb;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Analysis.Notebooks.Running;

/// <summary>
/// Papermill-style parameters: the cell tagged <c>parameters</c> holds defaults, and given values go into a new cell
/// tagged <c>injected-parameters</c> right after it (at the top when there is none), which redeclares them.
/// </summary>
public static class Parameters
{
    public const string Tag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>Inserts the injected-parameters cell into <paramref name="notebook"/>; returns it (null when there is nothing to inject).</summary>
    public static NotebookCell? Inject(Notebook notebook, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0) return null;
        notebook.Cells.RemoveAll(c => c.Tags.Contains(InjectedTag));
        var defaultsIndex = notebook.Cells.FindIndex(c => c.IsCode && c.Tags.Contains(Tag));
        var declared = defaultsIndex < 0 ? [] : DeclaredTypes(notebook.Cells[defaultsIndex].Source);
        var lines = values.Select(p => $"var {p.Key} = {Literal(p.Value, declared.GetValueOrDefault(p.Key))};");
        var cell = new NotebookCell
        {
            Id = InjectedTag,
            Source = "// Parameters injected by the runner\n" + string.Join("\n", lines),
            Metadata = new JsonObject
            {
                ["tags"] = new JsonArray(InjectedTag),
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            },
        };
        notebook.Cells.Insert(defaultsIndex + 1, cell);
        return cell;
    }

    /// <summary>Whether each variable of the parameters cell holds text (its default is a string, or it is declared string).</summary>
    private static Dictionary<string, bool> DeclaredTypes(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        return root.DescendantNodes().OfType<VariableDeclarationSyntax>()
            .SelectMany(d => d.Variables.Select(v => (v.Identifier.Text, IsText: IsString(d.Type) || IsString(v.Initializer?.Value))))
            .GroupBy(v => v.Text).ToDictionary(g => g.Key, g => g.Last().IsText);
    }

    private static bool IsString(SyntaxNode? node) => node switch
    {
        PredefinedTypeSyntax t => t.Keyword.IsKind(SyntaxKind.StringKeyword),
        NullableTypeSyntax n => IsString(n.ElementType),
        LiteralExpressionSyntax l => l.IsKind(SyntaxKind.StringLiteralExpression),
        InterpolatedStringExpressionSyntax => true,
        _ => false,
    };

    /// <summary>A C# literal for <paramref name="value"/>: a string when the parameter holds text, else a number or bool when it reads as one.</summary>
    private static string Literal(string value, bool? isText)
    {
        if (isText != true)
        {
            if (bool.TryParse(value, out var b)) return b ? "true" : "false";
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return l.ToString(CultureInfo.InvariantCulture);
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d.ToString("R", CultureInfo.InvariantCulture);
        }
        return SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
