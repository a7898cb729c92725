using System.Text;

namespace Analysis.Evaluation;

/// <summary>
/// Scores quotes (span, speaker) and entity mentions (canonical name, kind) against the hand-labelled files
/// tests/Analysis.Tests/Extraction/Quotes/Data/speakers.tsv and tests/Analysis.Tests/Extraction/Entities/Data/mentions*.tsv. The labels
/// hold article ids and raw offsets only; the texts are read from ../shared/corpora (bbc, allsides) and the
/// repository's seeds at run time. Every article named in a file is labelled in full, so precision is defined.
/// The held-out part (article id hash mod 3 = 0) was fixed before any rule was tuned and is never tuned on.
/// Compiled into the test project and linked into the benchmark (<c>-- speakers</c>), so both score alike.
/// </summary>
internal static class SpeakerEvaluation
{
    /// <summary>A labelled quotation: raw span of the quoted words (marks excluded), its speaker ("-" when the text names none).</summary>
    public sealed record GoldQuote(string Corpus, string ArticleId, int RawStart, int RawEnd, string Speaker);

    /// <summary>A labelled entity mention: raw span, canonical name, kind.</summary>
    public sealed record GoldMention(string Corpus, string ArticleId, int RawStart, int RawEnd, string Canonical, string Kind);

    /// <summary>Precision/recall counts of one field.</summary>
    public sealed record Counts(int TruePositives, int Predicted, int Gold)
    {
        public double Precision => Predicted == 0 ? 0 : TruePositives / (double)Predicted;
        public double Recall => Gold == 0 ? 0 : TruePositives / (double)Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
        public override string ToString() => $"P {Precision:P1} R {Recall:P1} F1 {F1:P1} (tp {TruePositives}, predicted {Predicted}, gold {Gold})";
    }

    /// <summary>Scores of one part (development or held-out).</summary>
    public sealed record Scores(Counts QuoteSpans, int SpeakersRight, int SpeakersScored, Counts Canonical, Counts MentionSpans,
        int KindsRight, int KindsScored, List<string> Errors)
    {
        public double SpeakerAccuracy => SpeakersScored == 0 ? 0 : SpeakersRight / (double)SpeakersScored;
        public double KindAccuracy => KindsScored == 0 ? 0 : KindsRight / (double)KindsScored;
    }

    /// <summary>Held out (never tuned on): FNV-1a hash of the article id, mod 3, is 0. Decided before tuning.</summary>
    public static bool IsHeldOut(string articleId)
    {
        uint h = 2166136261;
        foreach (char c in articleId) { h ^= c; h *= 16777619; }
        return h % 3 == 0;
    }

    public static string QuotesFile(string root) => Path.Combine(root, "tests", "Analysis.Tests", "Extraction", "Quotes", "Data", "speakers.tsv");
    /// <summary>Every labelled batch of entity mentions (Data/mentions*.tsv: mentions.tsv, then mentions-2.tsv, …), in name order.</summary>
    public static IReadOnlyList<string> MentionsFiles(string root) =>
        Directory.GetFiles(Path.Combine(root, "tests", "Analysis.Tests", "Extraction", "Entities", "Data"), "mentions*.tsv").Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'));

    /// <summary>Labelled quotations; an article listed with "-" offsets has none.</summary>
    public static (List<GoldQuote> Quotes, HashSet<(string, string)> Articles) ReadQuotes(string path)
    {
        var quotes = new List<GoldQuote>();
        var articles = new HashSet<(string, string)>();
        foreach (var f in Rows(path))
        {
            articles.Add((f[0], f[1]));
            if (f[2] != "-") quotes.Add(new GoldQuote(f[0], f[1], int.Parse(f[2]), int.Parse(f[3]), f[4].Trim()));
        }
        return (quotes, articles);
    }

    /// <summary>
    /// The labelling batch of each article of a labelled file: 1 before the first line "# batch N…", then N. A batch
    /// added after rules were tuned is scored apart, so its held-out part shows how the rules carry to unseen articles.
    /// </summary>
    public static Dictionary<(string, string), int> Batches(string path)
    {
        var batches = new Dictionary<(string, string), int>();
        int batch = 1;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# batch ", StringComparison.Ordinal))
                batch = int.Parse(new string(line.AsSpan(8).ToArray().TakeWhile(char.IsAsciiDigit).ToArray()));
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                var f = line.Split('\t');
                batches.TryAdd((f[0], f[1]), batch);
            }
        }
        return batches;
    }

    public static (List<GoldMention> Mentions, HashSet<(string, string)> Articles) ReadMentions(IEnumerable<string> paths)
    {
        var mentions = new List<GoldMention>();
        var articles = new HashSet<(string, string)>();
        foreach (var f in paths.SelectMany(Rows))
        {
            articles.Add((f[0], f[1]));
            if (f[2] != "-") mentions.Add(new GoldMention(f[0], f[1], int.Parse(f[2]), int.Parse(f[3]), f[4].Trim(), f[5].Trim()));
        }
        return (mentions, articles);
    }

    /// <summary>The folder of a labelled corpus name: bbc and allsides under ../shared/corpora, seeds in the repository.</summary>
    public static string CorpusFolder(string root, string corpus) => corpus switch
    {
        "seeds" => Path.Combine(root, "seeds"),
        "allsides" => Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "allsides", "articles")),
        _ => Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", corpus)),
    };

    /// <summary>Null when every labelled corpus is present, else what is missing.</summary>
    public static string? Missing(string root)
    {
        foreach (var c in new[] { "bbc", "allsides" })
            if (!Directory.Exists(CorpusFolder(root, c))) return $"corpus {c} not found at {CorpusFolder(root, c)}";
        return null;
    }

    /// <summary>Raw span of a clean span (end exclusive).</summary>
    public static (int, int) ToRaw(Article a, int start, int end) =>
        (a.Map.ToRaw(start), end > start ? a.Map.ToRaw(end - 1) + 1 : a.Map.ToRaw(start));

    private static bool Close(int a, int b) => Math.Abs(a - b) <= 2;

    /// <summary>Lower case, spaces folded, a leading determiner dropped ("The official" = "official").</summary>
    public static string NormalizeName(string? s)
    {
        if (string.IsNullOrWhiteSpace(s) || s == "-") return "-";
        var t = string.Join(' ', s.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace('’', '\'');
        foreach (var d in new[] { "the ", "a ", "an " })
            if (t.StartsWith(d, StringComparison.Ordinal)) return t[d.Length..];
        return t;
    }

    /// <summary>
    /// A speaker compared as <see cref="NormalizeName"/>, hyphens read as spaces ("Taylor-Greene" = "Taylor Greene") and
    /// a leading possessive dropped ("his lawyer" = "lawyer": the label names the role, the text says whose).
    /// </summary>
    public static string SpeakerName(string? s)
    {
        var t = NormalizeName(s).Replace('-', ' ');
        foreach (var d in new[] { "his ", "her ", "their ", "its " })
            if (t.StartsWith(d, StringComparison.Ordinal)) return t[d.Length..];
        return t;
    }

    /// <summary>Loads each labelled corpus once and scores the development and held-out parts; entity mentions from
    /// <paramref name="mentionFiles"/> (default: every batch) so each batch can be scored apart.</summary>
    public static (Scores Development, Scores HeldOut) Run(string root, Func<Corpus, EntitySet>? entities = null,
        Func<Corpus, EntitySet, IReadOnlyList<Quote>>? quotes = null, IReadOnlyList<string>? mentionFiles = null)
    {
        var (dev, held, _) = RunByBatch(root, entities, quotes, mentionFiles);
        return (dev, held);
    }

    /// <summary>
    /// As <see cref="Run"/>, plus the quotations of each labelling batch scored apart (development and held-out
    /// parts of each batch; entity fields are empty there).
    /// </summary>
    public static (Scores Development, Scores HeldOut, SortedDictionary<int, (Scores Development, Scores HeldOut)> Batches) RunByBatch(
        string root, Func<Corpus, EntitySet>? entities = null, Func<Corpus, EntitySet, IReadOnlyList<Quote>>? quotes = null,
        IReadOnlyList<string>? mentionFiles = null)
    {
        var batchOf = Batches(QuotesFile(root));
        var batchParts = new SortedDictionary<int, Part[]>();
        foreach (var b in batchOf.Values.Distinct()) batchParts[b] = new[] { new Part(), new Part() };
        entities ??= c => c.Entities();
        quotes ??= (c, _) => c.Quotes();
        var (goldQuotes, quoteArticles) = ReadQuotes(QuotesFile(root));
        var (goldMentions, mentionArticles) = ReadMentions(mentionFiles ?? MentionsFiles(root));
        var parts = new[] { new Part(), new Part() };
        foreach (var corpusName in quoteArticles.Concat(mentionArticles).Select(x => x.Item1).Distinct().Order())
        {
            var corpus = Corpus.Load(CorpusFolder(root, corpusName));
            var ents = entities(corpus);
            var qs = quotes(corpus, ents);
            var byId = corpus.Articles.ToDictionary(a => a.Id);
            foreach (var (c, id) in quoteArticles.Where(x => x.Item1 == corpusName))
            {
                var h = IsHeldOut(id) ? 1 : 0;
                var article = byId[id];
                var predicted = qs.Where(q => q.ArticleId == id && q.Kind == QuoteKind.Full)
                    .Select(q => (Span: ToRaw(article, q.Start, q.End), Q: q)).ToList();
                var gold = goldQuotes.Where(g => g.Corpus == c && g.ArticleId == id).ToList();
                foreach (var part in new[] { parts[h], batchParts[batchOf[(c, id)]][h] })
                    ScoreQuotes(part, c, article, gold, predicted);
            }
            foreach (var (c, id) in mentionArticles.Where(x => x.Item1 == corpusName))
            {
                var part = parts[IsHeldOut(id) ? 1 : 0];
                var article = byId[id];
                var predicted = ents.In(id).Where(m => m.End > m.Start).Select(m => (Span: ToRaw(article, m.Start, m.End), M: m)).ToList();
                var gold = goldMentions.Where(g => g.Corpus == c && g.ArticleId == id).ToList();
                part.MentionsPredicted += predicted.Count;
                part.MentionsGold += gold.Count;
                foreach (var g in gold)
                {
                    var hit = predicted.FirstOrDefault(p => p.Span.Item1 < g.RawEnd && g.RawStart < p.Span.Item2);
                    if (hit.M is null)
                    {
                        part.Errors.Add($"entity missed  {c}/{id} [{g.RawStart},{g.RawEnd}] {g.Canonical}/{g.Kind}");
                        continue;
                    }
                    predicted.Remove(hit);
                    part.SpansRight++;
                    part.KindsScored++;
                    var kind = hit.M.Kind.ToString().ToLowerInvariant();
                    if (kind == g.Kind) part.KindsRight++;
                    else part.Errors.Add($"kind wrong     {c}/{id} [{g.RawStart},{g.RawEnd}] {g.Canonical} gold {g.Kind} got {kind}");
                    if (NormalizeName(hit.M.Canonical) == NormalizeName(g.Canonical)) part.CanonicalRight++;
                    else part.Errors.Add($"canonical      {c}/{id} [{g.RawStart},{g.RawEnd}] gold '{g.Canonical}' got '{hit.M.Canonical}'");
                }
                foreach (var p in predicted)
                    part.Errors.Add($"entity extra   {c}/{id} [{p.Span.Item1},{p.Span.Item2}] {p.M.Text}/{p.M.Kind} ({p.M.Rule})");
            }
        }
        var batches = new SortedDictionary<int, (Scores, Scores)>();
        foreach (var (b, ps) in batchParts) batches[b] = (ps[0].ToScores(), ps[1].ToScores());
        return (parts[0].ToScores(), parts[1].ToScores(), batches);
    }

    /// <summary>Matches one article's gold quotations to the predicted ones (±2 characters) and counts spans and speakers.</summary>
    private static void ScoreQuotes(Part part, string corpus, Article article, List<GoldQuote> gold,
        List<((int, int) Span, Quote Q)> predictedQuotes)
    {
        var predicted = predictedQuotes.ToList();
        var id = article.Id;
        part.QuotesPredicted += predicted.Count;
        part.QuotesGold += gold.Count;
        foreach (var g in gold)
        {
            var hit = predicted.FirstOrDefault(p => Close(p.Span.Item1, g.RawStart) && Close(p.Span.Item2, g.RawEnd));
            if (hit.Q is null)
            {
                part.Errors.Add($"quote missed   {corpus}/{id} [{g.RawStart},{g.RawEnd}] {Snip(article.Raw, g.RawStart, g.RawEnd)}");
                continue;
            }
            predicted.Remove(hit);
            part.QuotesRight++;
            part.SpeakersScored++;
            if (SpeakerName(hit.Q.Speaker) == SpeakerName(g.Speaker)) part.SpeakersRight++;
            else part.Errors.Add($"speaker wrong  {corpus}/{id} [{g.RawStart},{g.RawEnd}] gold '{g.Speaker}' got '{hit.Q.Speaker ?? "-"}' ({hit.Q.Rule}) {Snip(article.Raw, g.RawStart, g.RawEnd)}");
        }
        foreach (var p in predicted)
            part.Errors.Add($"quote spurious {corpus}/{id} [{p.Span.Item1},{p.Span.Item2}] {Snip(article.Raw, p.Span.Item1, p.Span.Item2)}");
    }

    private static string Snip(string raw, int s, int e)
    {
        s = Math.Clamp(s, 0, raw.Length);
        e = Math.Clamp(e, s, raw.Length);
        var t = raw[s..e].Replace('\n', ' ');
        return t.Length > 60 ? t[..60] + "…" : t;
    }

    private sealed class Part
    {
        public int QuotesRight, QuotesPredicted, QuotesGold, SpeakersRight, SpeakersScored;
        public int SpansRight, CanonicalRight, MentionsPredicted, MentionsGold, KindsRight, KindsScored;
        public List<string> Errors { get; } = new();
        public Scores ToScores() => new(new Counts(QuotesRight, QuotesPredicted, QuotesGold), SpeakersRight, SpeakersScored,
            new Counts(CanonicalRight, MentionsPredicted, MentionsGold), new Counts(SpansRight, MentionsPredicted, MentionsGold),
            KindsRight, KindsScored, Errors);
    }

    /// <summary>One line per labelling batch and part: quote span F1 and speaker accuracy.</summary>
    public static string FormatBatches(SortedDictionary<int, (Scores Development, Scores HeldOut)> batches)
    {
        var sb = new StringBuilder();
        sb.AppendLine("quotes by labelling batch (speakers.tsv \"# batch N\" lines):");
        foreach (var (b, (d, h)) in batches)
            foreach (var (s, name) in new[] { (d, "development"), (h, "held-out") })
                sb.AppendLine($"  batch {b} {name,-12} span F1 {s.QuoteSpans.F1:P1} (gold {s.QuoteSpans.Gold}), speaker accuracy {s.SpeakerAccuracy:P1} ({s.SpeakersRight}/{s.SpeakersScored})");
        return sb.ToString();
    }

    /// <summary>The report the benchmark prints: per part, per field.</summary>
    public static string Format(Scores s, string name)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{name}:");
        sb.AppendLine($"  quote spans      {s.QuoteSpans}");
        sb.AppendLine($"  speakers         accuracy {s.SpeakerAccuracy:P1} ({s.SpeakersRight}/{s.SpeakersScored} of the quotes found; unknown counts wrong); over all gold quotes {s.SpeakersRight / (double)Math.Max(1, s.QuoteSpans.Gold):P1}");
        sb.AppendLine($"  entity spans     {s.MentionSpans}");
        sb.AppendLine($"  canonical names  {s.Canonical}");
        sb.AppendLine($"  kinds            accuracy {s.KindAccuracy:P1} ({s.KindsRight}/{s.KindsScored} of the mentions found)");
        return sb.ToString();
    }
}
