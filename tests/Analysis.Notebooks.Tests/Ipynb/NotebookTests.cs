using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Running;

namespace Analysis.Notebooks.Tests.Ipynb;

public sealed class NotebookTests
{
    [Theory]
    [InlineData("{ \"cells\": [", "malformed")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{ \"cells\": [] }", "'nbformat' is missing")]
    [InlineData("{ \"nbformat\": 3, \"cells\": [] }", "nbformat 3")]
    [InlineData("{ \"nbformat\": 4 }", "'cells'")]
    [InlineData("{ \"nbformat\": 4, \"cells\": [ { \"source\": \"x\" } ] }", "cell 1 has no 'cell_type'")]
    [InlineData("{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"source\": 12 } ] }", "not a valid notebook")]
    [InlineData("{ \"nbformat\": 4, \"cells\": [ 7 ] }", "cell 1 is not a JSON object")]
    public void MalformedNotebookNamesTheFileAndTheProblem(string json, string problem)
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(json, "notebooks/broken.ipynb"));
        Assert.StartsWith("notebooks/broken.ipynb: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void RoundTripKeepsSourcesMetadataAndOutputs()
    {
        const string json = """
            {"cells": [{"cell_type": "code", "execution_count": 3, "id": "c1", "metadata": {"polyglot_notebook": {"kernelName": "csharp"}},
              "outputs": [{"name": "stdout", "output_type": "stream", "text": ["a\n", "b"]}], "source": ["var x = 1;\n", "x"]},
              {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": "# Title"}],
             "metadata": {"kernelspec": {"name": ".net-csharp"}}, "nbformat": 4, "nbformat_minor": 5}
            """;
        var again = Notebook.Parse(Notebook.Parse(json, "x").ToJson(), "y");
        Assert.Equal("var x = 1;\nx", again.Cells[0].Source);
        Assert.Equal(3, again.Cells[0].ExecutionCount);
        Assert.Equal("a\nb", Notebook.JoinText(again.Cells[0].Outputs[0]["text"]));
        Assert.Equal("csharp", (string?)again.Cells[0].Metadata["polyglot_notebook"]!["kernelName"]);
        Assert.Equal(".net-csharp", (string?)again.Metadata["kernelspec"]!["name"]);
        Assert.Equal("# Title", again.Cells[1].Source);
    }

    [Fact]
    public void CommittedNotebooksAreStrippedAndCarryPolyglotMetadata()
    {
        var root = RepositoryPaths.Root(AppContext.BaseDirectory);
        foreach (var path in Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb"))
        {
            var notebook = Notebook.Load(path);
            Assert.Equal(".net-csharp", (string?)notebook.Metadata["kernelspec"]?["name"]);
            Assert.Equal("csharp", (string?)notebook.Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
            var code = notebook.Cells.Where(c => c.IsCode).ToList();
            Assert.All(code, c => Assert.Empty(c.Outputs));
            Assert.All(code, c => Assert.Null(c.ExecutionCount));
            Assert.All(code, c => Assert.Equal("csharp", (string?)c.Metadata["polyglot_notebook"]?["kernelName"]));
            Assert.All(code, c => Assert.Equal("csharp", (string?)c.Metadata["dotnet_interactive"]?["language"]));
            Assert.Single(code, c => c.Tags.Contains(Parameters.Tag));
            Assert.Equal(code[0].Source, Notebook.Load(Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Min()!).Cells.First(c => c.IsCode).Source);
        }
    }

    [Fact]
    public void NoCellAfterTheParametersRedeclaresOne()
    {
        // An injected override is a declaration after the parameters cell; a later `var k = …` would undo it.
        var root = RepositoryPaths.Root(AppContext.BaseDirectory);
        foreach (var path in Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb"))
        {
            var code = Notebook.Load(path).Cells.Where(c => c.IsCode).ToList();
            var at = code.FindIndex(c => c.Tags.Contains(Parameters.Tag));
            var names = System.Text.RegularExpressions.Regex.Matches(code[at].Source, @"^\s*var\s+(\w+)\s*=", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value).ToList();
            Assert.Contains("corpus", names);
            Assert.Contains("output", names);
            if (Path.GetFileName(path).StartsWith("02-")) Assert.Contains("k", names);   // `-p k=5` must reach the clustering
            foreach (var cell in code.Skip(at + 1))
                Assert.All(names, n => Assert.DoesNotMatch($@"\b(var|int|string|double)\s+{n}\s*=", cell.Source));
        }
    }

    [Fact]
    public void EveryParameterANotebookUsesIsDeclaredInItsParametersCell()
    {
        // `-p name=value` is injected after a notebook's parameters cell: it reaches a notebook only when that cell
        // declares the name. A notebook that uses `k` (or any other notebook's parameter) without declaring it
        // would silently ignore `-p k=…` (or fail to compile).
        var root = RepositoryPaths.Root(AppContext.BaseDirectory);
        var notebooks = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order()
            .Select(path => (Path: path, Code: Notebook.Load(path).Cells.Where(c => c.IsCode).ToList())).ToList();
        static List<string> Declared(string source) => System.Text.RegularExpressions.Regex.Matches(source, @"^\s*var\s+(\w+)\s*=",
            System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var parameters = notebooks.SelectMany(n => Declared(n.Code.Single(c => c.Tags.Contains(Parameters.Tag)).Source)).ToHashSet();
        Assert.Contains("k", parameters);
        var users = 0;
        foreach (var (path, code) in notebooks)
        {
            int at = code.FindIndex(c => c.Tags.Contains(Parameters.Tag));
            var declared = Declared(code[at].Source);
            var later = string.Join("\n", code.Skip(at + 1).Select(c => c.Source));
            foreach (var name in parameters.Where(n => System.Text.RegularExpressions.Regex.IsMatch(later, $@"(?<![\w.""]){n}\b(?!\s*[:(])")))
            {
                users++;
                Assert.True(declared.Contains(name), $"{Path.GetFileName(path)} uses '{name}' but its parameters cell does not declare it, so -p {name}=… never reaches it");
            }
        }
        Assert.True(users >= 6, $"only {users} parameter uses found: the check would pass vacuously");
    }
}
