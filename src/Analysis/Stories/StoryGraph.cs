namespace Analysis;

/// <summary>
/// Unit-length TF-IDF vectors of the articles' story terms, and the sparse graph of each article's most similar
/// others. No n × n matrix: candidates are the articles sharing a rare term inside the time window, so memory grows
/// with n × <see cref="StoryOptions.MaxNeighbours"/>.
/// </summary>
internal sealed class StoryGraph
{
    /// <summary>A candidate-generating term may have at most this many articles in one article's time window (or overall, for undated ones).</summary>
    private const int MinRareCap = 50;
    /// <summary>Pairs whose time factor falls under this are never compared: their similarity could not matter.</summary>
    private const double MinTimeFactor = 0.05;
    /// <summary>Similarities under this are not kept as edges (they barely move an average).</summary>
    private const float MinEdge = 0.02f;

    public required int Count { get; init; }
    public required SparseMatrix Vectors { get; init; }
    public required string[] Terms { get; init; }
    public required StoryTermKind[] Kinds { get; init; }
    public required int[] DocumentFrequency { get; init; }
    /// <summary>The date each article was compared by (null: text alone).</summary>
    public required DateOnly?[] Dates { get; init; }
    /// <summary>Per article, its neighbours and their similarity, most similar first (symmetric).</summary>
    public required (int Other, float Similarity)[][] Neighbours { get; init; }
    /// <summary>
    /// Per article, the same neighbours with their relative similarity (see <see cref="Relative"/>), in the same
    /// order: what the grouping joins on.
    /// </summary>
    public required (int Other, float Similarity)[][] Linked { get; init; }
    /// <summary>Per article, the similarity its relative ones are measured against: its best match, at least <see cref="StoryOptions.BestMatchFloor"/>.</summary>
    public required float[] Scale { get; init; }
    /// <summary>Number of exact pair similarities computed (the work the blocking left).</summary>
    public long Comparisons { get; init; }

    /// <summary>Per article, its day of the year for comparing with undated articles: published, else the day it mentions most; null when neither.</summary>
    public required int?[] CalendarDays { get; init; }

    public static StoryGraph Build(IReadOnlyList<AnnotatedArticle> annotated, StoryOptions options)
    {
        int n = annotated.Count;
        var articles = annotated.Select(a => a.Article).ToList();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var kinds = new List<StoryTermKind>();
        var rows = new List<(int Term, int Count)>[n];
        var perDoc = new Dictionary<int, int>();
        for (int d = 0; d < n; d++)
        {
            perDoc.Clear();
            StoryTerms.Read(annotated[d], options.HeadlineRepeat, (term, kind) =>
            {
                var key = kind switch { StoryTermKind.Name => "n:", StoryTermKind.Day => "d:", _ => "" } + term;
                if (!ids.TryGetValue(key, out int id))
                {
                    ids[key] = id = terms.Count;
                    terms.Add(term);
                    kinds.Add(kind);
                }
                perDoc[id] = perDoc.GetValueOrDefault(id) + 1;
            });
            rows[d] = perDoc.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key).ToList();
        }
        var df = new int[terms.Count];
        foreach (var row in rows)
            foreach (var (t, _) in row) df[t]++;

        var start = new int[n + 1];
        for (int d = 0; d < n; d++) start[d + 1] = start[d] + rows[d].Count;
        var cols = new int[start[n]];
        var vals = new float[start[n]];
        for (int d = 0; d < n; d++)
        {
            double norm = 0;
            int at = start[d];
            foreach (var (t, c) in rows[d])
            {
                double kindWeight = kinds[t] switch
                {
                    StoryTermKind.Name => options.NameWeight,
                    StoryTermKind.Number or StoryTermKind.Day => options.NumberWeight,
                    _ => 1,
                };
                double w = (1 + Math.Log(c)) * (Math.Log((1.0 + n) / (1.0 + df[t])) + 1) * kindWeight;
                cols[at] = t;
                vals[at++] = (float)w;
                norm += w * w;
            }
            norm = Math.Sqrt(norm);
            for (int p = start[d]; p < at; p++) vals[p] = (float)(vals[p] / norm);
            rows[d] = null!;
        }
        var vectors = new SparseMatrix(n, terms.Count, start, cols, vals);
        var dates = articles.Select(a => options.UseDates && a.Published is { } p && TimelineReader.CanReferTo(p) ? p : (DateOnly?)null).ToArray();
        var calendarDays = options.UseDates && dates.Any(d => d is not null)
            ? annotated.Select((a, i) => dates[i] is { } p ? DayOfYear(p.Month, p.Day) : a.MostMentionedDay is { } m ? DayOfYear(m.Month, m.Day) : (int?)null).ToArray()
            : new int?[n];
        var embeddings = options.Embed is { } embed ? Normalized(embed(articles.Select(EmbeddingText).ToList())) : null;
        var (neighbours, comparisons) = Neighbourhoods(vectors, df, dates, calendarDays, embeddings, options);
        var scale = neighbours.Select(l => (float)Math.Max(l.Length > 0 ? l[0].Item2 : 0, options.BestMatchFloor)).ToArray();
        var linked = neighbours.Select((l, i) => l.Select(e => (e.Item1, Relative(e.Item2, scale[i], scale[e.Item1]))).ToArray()).ToArray();
        return new StoryGraph
        {
            Count = n, Vectors = vectors, Terms = [.. terms], Kinds = [.. kinds], DocumentFrequency = df, Dates = dates,
            Neighbours = neighbours, Linked = linked, Scale = scale, Comparisons = comparisons, CalendarDays = calendarDays,
        };
    }

    /// <summary>
    /// A pair's similarity relative to how similar each of the two articles is to its own best match (local scaling:
    /// s / √(best_a · best_b), at most 1). A wire report and its rewrites score 0.5 with each other while two opinion
    /// pieces on one event share few words and score 0.1; measured against each article's best match both pairs
    /// count as close, and one threshold serves both. The floor on the best match keeps an article nothing
    /// resembles from being pulled into its weak nearest neighbour.
    /// </summary>
    public static float Relative(float similarity, float scaleA, float scaleB) =>
        (float)Math.Min(1, similarity / Math.Sqrt((double)scaleA * scaleB));

    /// <summary>
    /// How much publication time keeps of a text similarity: 1 within the slack, halving every half-life after;
    /// <see cref="StoryOptions.UndatedFactor"/> when either date is unknown.
    /// </summary>
    public static double TimeFactor(DateOnly? a, DateOnly? b, StoryOptions options)
    {
        if (a is not { } x || b is not { } y) return options.UndatedFactor;
        return Decay(Math.Abs(x.DayNumber - y.DayNumber), options);
    }

    /// <summary>
    /// <see cref="TimeFactor(DateOnly?, DateOnly?, StoryOptions)"/> with what is known of undated articles: when
    /// both have a day of the year (an undated article's is the day it mentions most), the undated factor times the
    /// decay over the days between them, the year being unknown. An undated report of the events of Oct. 22 is
    /// then not joined with an article published in January.
    /// </summary>
    private static double TimeFactor(DateOnly? a, DateOnly? b, int? dayA, int? dayB, StoryOptions options)
    {
        if (a is not null && b is not null) return TimeFactor(a, b, options);
        if (dayA is not { } x || dayB is not { } y) return options.UndatedFactor;
        int apart = Math.Abs(x - y);
        return options.UndatedFactor * Decay(Math.Min(apart, 366 - apart), options);
    }

    private static double Decay(int daysApart, StoryOptions options)
    {
        double days = daysApart - options.SameDaySlack;
        return days <= 0 ? 1 : Math.Pow(0.5, days / options.HalfLifeDays);
    }

    /// <summary>Day of a leap year (1–366), so that Feb. 29 has a place.</summary>
    private static int DayOfYear(int month, int day) => new DateOnly(2000, month, day).DayOfYear;

    /// <summary>Days apart at which <see cref="TimeFactor"/> falls under <see cref="MinTimeFactor"/>.</summary>
    private static int WindowDays(StoryOptions o) => (int)Math.Ceiling(o.SameDaySlack + o.HalfLifeDays * Math.Log2(1 / MinTimeFactor));

    /// <summary>What an embedding model reads: the headline and the opening of the text (models cut long inputs anyway).</summary>
    internal static string EmbeddingText(Article a)
    {
        var text = a.Text.Length > 600 ? a.Text[..600] : a.Text;
        return string.IsNullOrWhiteSpace(a.Headline) || a.Text.StartsWith(a.Headline, StringComparison.Ordinal) ? text : a.Headline + ". " + text;
    }

    private static float[][] Normalized(IReadOnlyList<float[]> vectors) => vectors.Select(v =>
    {
        double norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return norm == 0 ? v : v.Select(x => (float)(x / norm)).ToArray();
    }).ToArray();

    private static double Similarity(SparseMatrix vectors, float[][]? embeddings, int i, int j, double embeddingWeight) =>
        embeddings is null ? vectors.Dot(i, j)
            : (1 - embeddingWeight) * vectors.Dot(i, j) + embeddingWeight * System.Numerics.Tensors.TensorPrimitives.Dot(embeddings[i], embeddings[j]);

    private static ((int, float)[][], long) Neighbourhoods(SparseMatrix vectors, int[] df, DateOnly?[] dates, int?[] calendarDays, float[][]? embeddings, StoryOptions options)
    {
        int n = vectors.Rows;
        // Postings by term, dated articles in date order first, undated after: a window is a binary search away.
        var byTerm = vectors.Transpose();
        var dayOf = dates.Select(d => d?.DayNumber ?? int.MaxValue).ToArray();
        var postings = new int[byTerm.Columns.Length];
        for (int t = 0; t < byTerm.Rows; t++)
        {
            var docs = byTerm.RowColumns(t).ToArray();
            Array.Sort(docs, (a, b) => dayOf[a] != dayOf[b] ? dayOf[a].CompareTo(dayOf[b]) : a.CompareTo(b));
            docs.CopyTo(postings, byTerm.RowStart[t]);
        }
        int window = WindowDays(options);
        int cap = Math.Max(MinRareCap, (int)(2 * Math.Sqrt(n)));
        int keep = options.MaxNeighbours;

        var found = new List<(int, float)>[n];
        for (int i = 0; i < n; i++) found[i] = [];
        long comparisons = 0;
        var lockObject = new object();
        // Per thread: a dense accumulator of partial dot products and the articles it touched (no hashing per posting).
        var partial = new ThreadLocal<(float[] Score, List<int> Touched)>(() => (new float[n], new List<int>()));
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (score, touched) = partial.Value;
            touched.Clear();
            var cs = vectors.RowColumns(i);
            var vs = vectors.RowValues(i);
            for (int p = 0; p < cs.Length; p++)
            {
                int t = cs[p];
                if (df[t] < 2) continue;
                var list = postings.AsSpan(byTerm.RowStart[t], byTerm.RowStart[t + 1] - byTerm.RowStart[t]);
                foreach (var (from, to) in Ranges(list, dayOf, dayOf[i], window))
                {
                    if (to - from > cap) continue;
                    for (int q = from; q < to; q++)
                    {
                        int j = list[q];
                        if (j == i) continue;
                        if (score[j] == 0) touched.Add(j);
                        score[j] += vs[p];
                    }
                }
            }
            // Exact similarity for the strongest candidates only.
            var candidates = touched.Select(j => (Other: j, Partial: score[j])).OrderByDescending(c => c.Partial).ThenBy(c => c.Other).Take(keep * 2).ToList();
            foreach (int j in touched) score[j] = 0;
            var best = candidates
                .Select(c => (c.Other, Similarity: (float)(Similarity(vectors, embeddings, i, c.Other, options.EmbeddingWeight) * TimeFactor(dates[i], dates[c.Other], calendarDays[i], calendarDays[c.Other], options))))
                .Where(s => s.Similarity >= MinEdge)
                .OrderByDescending(s => s.Similarity).ThenBy(s => s.Other).Take(keep).ToList();
            lock (lockObject)
            {
                comparisons += candidates.Count;
                found[i] = best;
            }
        });

        // Symmetric: an edge either end found.
        var edges = new Dictionary<long, float>();
        for (int i = 0; i < n; i++)
            foreach (var (j, s) in found[i])
                edges[(long)Math.Min(i, j) * n + Math.Max(i, j)] = s;
        var lists = new List<(int, float)>[n];
        for (int i = 0; i < n; i++) lists[i] = [];
        foreach (var (key, s) in edges)
        {
            int a = (int)(key / n), b = (int)(key % n);
            lists[a].Add((b, s));
            lists[b].Add((a, s));
        }
        return (lists.Select(l => l.OrderByDescending(e => e.Item2).ThenBy(e => e.Item1).ToArray()).ToArray(), comparisons);
    }

    /// <summary>
    /// The ranges of a date-sorted posting list an article dated <paramref name="day"/> is compared with: the dated
    /// ones within the window and the undated ones; for an undated article, all of it.
    /// </summary>
    private static (int From, int To)[] Ranges(ReadOnlySpan<int> list, int[] dayOf, int day, int window)
    {
        int undated = LowerBound(list, dayOf, int.MaxValue);
        if (day == int.MaxValue) return [(0, list.Length)];
        int from = LowerBound(list, dayOf, day - window), to = LowerBound(list, dayOf, day + window + 1);
        return [(from, to), (undated, list.Length)];
    }

    private static int LowerBound(ReadOnlySpan<int> list, int[] dayOf, int day)
    {
        int lo = 0, hi = list.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (dayOf[list[mid]] < day) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
