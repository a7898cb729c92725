using Analysis;
using Analysis.Evaluation;

namespace Analysis.Benchmarks;

/// <summary>
/// Accuracy of quotes and entities on the hand-labelled articles (tests/Analysis.Tests/Extraction/Quotes/Data/speakers.tsv,
/// tests/Analysis.Tests/Extraction/Entities/Data/mentions*.tsv): precision and recall per field, development and held-out
/// parts apart, and the quotations of each labelling batch apart. <c>dotnet run -c Release --project bench/Analysis.Benchmarks -- speakers [--errors] [--by-batch]</c>:
/// <c>--errors</c> lists the development part's errors only (the held-out part is never looked at while tuning),
/// <c>--by-batch</c> scores each labelled batch of entity mentions (Data/mentions*.tsv) apart.
/// <c>-- speakers-dump CORPUS ID…</c> prints an article with the extractor's rows and raw offsets, as a
/// labelling aid (the labels are typed by reading the text, not copied from it).
/// </summary>
public static class SpeakersBenchmark
{
    public static void Run(string[] args)
    {
        var root = RepositoryPaths.Root(AppContext.BaseDirectory);
        if (SpeakerEvaluation.Missing(root) is { } missing) { Console.WriteLine($"speakers: {missing}: nothing to score."); return; }
        var (dev, held, batches) = SpeakerEvaluation.RunByBatch(root);
        Console.WriteLine(SpeakerEvaluation.Format(dev, "development (tuned on)"));
        Console.WriteLine(SpeakerEvaluation.Format(held, "held-out (never tuned on)"));
        Console.WriteLine(SpeakerEvaluation.FormatBatches(batches));
        if (args.Contains("--by-batch"))
            foreach (var file in SpeakerEvaluation.MentionsFiles(root))
            {
                var (d, h) = SpeakerEvaluation.Run(root, mentionFiles: [file]);
                Console.WriteLine($"entities of {Path.GetFileName(file)} alone:");
                foreach (var (s, name) in new[] { (d, "development"), (h, "held-out") })
                    Console.WriteLine($"  {name,-12} spans F1 {s.MentionSpans.F1:P1}, canonical {s.Canonical}, kinds {s.KindAccuracy:P1} ({s.KindsRight}/{s.KindsScored})");
            }
        if (args.Contains("--errors"))
            foreach (var e in dev.Errors) Console.WriteLine("dev  " + e);
        if (args.Contains("--held-out-errors"))
            foreach (var e in held.Errors) Console.WriteLine("held " + e);
    }

    public static void Dump(string[] args)
    {
        var root = RepositoryPaths.Root(AppContext.BaseDirectory);
        var corpus = Corpus.Load(SpeakerEvaluation.CorpusFolder(root, args[1]));
        var entities = corpus.Entities();
        var quotes = corpus.Quotes();
        foreach (var id in args[2..])
        {
            var a = corpus[id];
            Console.WriteLine($"=== {args[1]} {id} held-out={SpeakerEvaluation.IsHeldOut(id)} outlet={a.Outlet} byline={a.Byline}");
            foreach (var p in a.Paragraphs)
            {
                var (rs, _) = SpeakerEvaluation.ToRaw(a, p.Start, p.End);
                Console.WriteLine($"[{rs}] {a.Text[p.Start..p.End]}");
            }
            Console.WriteLine("--- quotes");
            foreach (var q in quotes.Where(q => q.ArticleId == id))
            {
                var (rs, re) = SpeakerEvaluation.ToRaw(a, q.Start, q.End);
                var t = q.Text.Length > 50 ? q.Text[..50] : q.Text;
                Console.WriteLine($"Q\t{rs}\t{re}\t{q.Kind}\t{q.Speaker ?? "-"}\t{q.Rule}\t{t}");
            }
            Console.WriteLine("--- entities");
            foreach (var m in entities.In(id))
            {
                var (rs, re) = SpeakerEvaluation.ToRaw(a, m.Start, m.End);
                Console.WriteLine($"E\t{rs}\t{re}\t{m.Text}\t{m.Canonical}\t{m.Kind.ToString().ToLowerInvariant()}");
            }
        }
    }
}
