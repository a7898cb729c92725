using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Running;

namespace Analysis.Notebooks.Tests.Running;

public sealed class ParametersTests
{
    private static Notebook WithCells(params (string Source, string? Tag)[] cells) => new()
    {
        Cells = cells.Select(c => new NotebookCell
        {
            Source = c.Source,
            Metadata = c.Tag is null ? [] : new() { ["tags"] = new System.Text.Json.Nodes.JsonArray(c.Tag) },
        }).ToList(),
    };

    [Fact]
    public void InjectedCellFollowsTheParametersCellWithTypedLiterals()
    {
        var notebook = WithCells(("// setup", null), ("var corpus = \"seeds\";\nint top = 10;\nvar ratio = 0.5;\nstring label = null;", "parameters"), ("// body", null));
        var cell = Parameters.Inject(notebook, new Dictionary<string, string>
        {
            ["corpus"] = "/data/my \"news\"",
            ["top"] = "25",
            ["ratio"] = "0.75",
            ["label"] = "42",
        })!;
        Assert.Same(cell, notebook.Cells[2]);
        Assert.Equal(["injected-parameters"], cell.Tags);
        Assert.Contains("var corpus = \"/data/my \\\"news\\\"\";", cell.Source);
        Assert.Contains("var top = 25;", cell.Source);
        Assert.Contains("var ratio = 0.75;", cell.Source);
        Assert.Contains("var label = \"42\";", cell.Source);
    }

    [Fact]
    public void WithoutAParametersCellTheInjectedCellComesFirst()
    {
        var notebook = WithCells(("var x = 1;", null));
        Parameters.Inject(notebook, new Dictionary<string, string> { ["flag"] = "true" });
        Assert.Equal("// Parameters injected by the runner\nvar flag = true;", notebook.Cells[0].Source);
    }

    [Fact]
    public void InjectingTwiceReplacesTheEarlierCell()
    {
        var notebook = WithCells(("var n = 1;", "parameters"));
        Parameters.Inject(notebook, new Dictionary<string, string> { ["n"] = "2" });
        Parameters.Inject(notebook, new Dictionary<string, string> { ["n"] = "3" });
        Assert.Equal(2, notebook.Cells.Count);
        Assert.EndsWith("var n = 3;", notebook.Cells[1].Source);
    }

    [Fact]
    public void NothingToInjectLeavesTheNotebookAlone()
    {
        var notebook = WithCells(("var n = 1;", "parameters"));
        Assert.Null(Parameters.Inject(notebook, new Dictionary<string, string>()));
        Assert.Single(notebook.Cells);
    }
}
