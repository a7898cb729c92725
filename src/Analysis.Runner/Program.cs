using Analysis;
using Analysis.Tables;

// Placeholder until the notebook runner lands: load a corpus and print its articles.
var corpusArg = Array.IndexOf(args, "--corpus") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : RepositoryPaths.Resolve("seeds");
var corpus = Corpus.Load(corpusArg);
Console.WriteLine(corpus);
Console.WriteLine(corpus.Articles.ToDataFrame());
