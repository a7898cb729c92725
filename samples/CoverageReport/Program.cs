using Analysis;

// Which figures each outlet reports, from a folder of articles: the library used as a package by a program.
// usage: dotnet run --project samples/CoverageReport -- [CORPUS_FOLDER]   (default: seeds)
var folder = args.Length > 0 ? args[0] : "seeds";
if (!Directory.Exists(folder))
{
    Console.Error.WriteLine($"no such folder: {folder}");
    return 2;
}

var corpus = Corpus.Load(folder);
var outletOf = corpus.Articles.ToDictionary(a => a.Id, a => a.OutletOrId);
Console.WriteLine(corpus);
foreach (var outlet in corpus.Figures().GroupBy(f => outletOf[f.ArticleId]).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"{outlet.Key}: {outlet.Count()} figures");
    foreach (var figure in outlet)
        Console.WriteLine($"  {figure.Surface,-32} {figure.QualifierName,-13} {figure.Measure}");
}
return 0;
