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
    /// <summary>
    /// Per article, the similarity its relative ones are measured against: the mean of its
    /// <see cref="StoryOptions.ReferenceMatches"/> best matches (missing ones count 0), at least <see cref="StoryOptions.ReferenceFloor"/>.
    /// </summary>
    public required float[] Scale { get; init; }
    /// <summary>Number of exact pair similarities computed (the work the blocking left).</summary>
    public long Comparisons { get; init; }

    /// <summary>Per article, its day of the year for comparing with undated articles: published, else the day it mentions most; null when neither.</summary>
    public required int?[] CalendarDays { get; init; }

    /// <summary>
    /// The graph of what <paramref name="inputs"/> read: the term counts become unit-length TF-IDF vectors in place
    /// (no second copy), then each article's neighbours are found. <paramref name="inputs"/> cannot take more articles after.
    /// </summary>
    public static StoryGraph Build(StoryInputs inputs)
    {
        var options = inputs.Options;
        int n = inputs.Count;
        var kinds = inputs.Kinds.ToArray();
        var start = inputs.RowStart.ToArray();
        var (cols, vals) = inputs.TakeCounts();
        var df = new int[kinds.Length];
        foreach (int t in cols) df[t]++;

        for (int d = 0; d < n; d++)
        {
            double norm = 0;
            for (int p = start[d]; p < start[d + 1]; p++)
            {
                int t = cols[p];
                double kindWeight = kinds[t] switch
                {
                    StoryTermKind.Name => options.NameWeight,
                    StoryTermKind.Number or StoryTermKind.Day => options.NumberWeight,
                    _ => 1,
                };
                double w = (1 + Math.Log(vals[p])) * (Math.Log((1.0 + n) / (1.0 + df[t])) + 1) * kindWeight;
                vals[p] = (float)w;
                norm += w * w;
            }
            norm = Math.Sqrt(norm);
            for (int p = start[d]; p < start[d + 1]; p++) vals[p] = (float)(vals[p] / norm);
        }
        var vectors = new SparseMatrix(n, kinds.Length, start, cols, vals);
        var dates = inputs.Dates.ToArray();
        var calendarDays = options.UseDates && dates.Any(d => d is not null)
            ? dates.Select((d, i) => d is { } p ? DayOfYear(p.Month, p.Day) : inputs.MentionedDays[i]).ToArray()
            : new int?[n];
        var embeddings = options.Embed is { } embed ? Normalized(embed(inputs.EmbeddingTexts!)) : null;
        var (neighbours, comparisons) = Neighbourhoods(vectors, df, dates, calendarDays, embeddings, options);
        int reference = Math.Max(1, options.ReferenceMatches);
        var scale = neighbours.Select(l => (float)Math.Max(l.Take(reference).Sum(e => (double)e.Item2) / reference, options.ReferenceFloor)).ToArray();
        var linked = neighbours.Select((l, i) => l.Select(e => (e.Item1, Relative(e.Item2, scale[i], scale[e.Item1]))).ToArray()).ToArray();
        return new StoryGraph
        {
            Count = n, Vectors = vectors, Terms = [.. inputs.Terms], Kinds = kinds, DocumentFrequency = df, Dates = dates,
            Neighbours = neighbours, Linked = linked, Scale = scale, Comparisons = comparisons, CalendarDays = calendarDays,
        };
    }

    /// <summary>
    /// A pair's similarity relative to how similar each of the two articles is to its own reference match (local
    /// scaling: s / √(ref_a · ref_b), at most 1; the reference is the mean of its two best matches by default). A wire report
    /// and its rewrites score 0.5 with each other while two opinion pieces on one event share few words and score
    /// 0.1; measured against each article's own close matches both pairs count as close, and one threshold serves
    /// both. The floor on the reference keeps an article nothing resembles from being pulled into its weak nearest
    /// neighbour.
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
    internal static int DayOfYear(int month, int day) => new DateOnly(2000, month, day).DayOfYear;

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
        // Filled straight from the vectors in that order (no transposed copy), and only for the terms that can make a
        // candidate: a term of one article never does.
        var dayOf = dates.Select(d => d?.DayNumber ?? int.MaxValue).ToArray();
        var postingStart = new int[df.Length + 1];
        for (int t = 0; t < df.Length; t++) postingStart[t + 1] = postingStart[t] + (df[t] >= 2 ? df[t] : 0);
        var postings = new int[postingStart[^1]];
        var next = postingStart[..^1];
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => dayOf[a] != dayOf[b] ? dayOf[a].CompareTo(dayOf[b]) : a.CompareTo(b));
        foreach (int d in order)
            foreach (int t in vectors.RowColumns(d))
                if (df[t] >= 2) postings[next[t]++] = d;
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
                var list = postings.AsSpan(postingStart[t], postingStart[t + 1] - postingStart[t]);
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

        return (Symmetric(found), comparisons);
    }

    /// <summary>
    /// Each article's neighbours, most similar first: an edge either end found (both ends compute the same
    /// similarity), listed at both ends. Arrays sized from the degrees, so no edge table is held beside them.
    /// </summary>
    private static (int, float)[][] Symmetric(List<(int, float)>[] found)
    {
        int n = found.Length;
        var degree = new int[n];
        for (int i = 0; i < n; i++)
            foreach (var (j, _) in found[i])
            {
                degree[i]++;
                degree[j]++;
            }
        var lists = new (int Other, float Similarity)[n][];
        for (int i = 0; i < n; i++) lists[i] = new (int, float)[degree[i]];
        Array.Clear(degree);
        for (int i = 0; i < n; i++)
        {
            foreach (var (j, s) in found[i])
            {
                lists[i][degree[i]++] = (j, s);
                lists[j][degree[j]++] = (i, s);
            }
            found[i] = null!;
        }
        // An edge both ends found is listed twice at each end: keep one.
        var seen = new int[n];
        for (int i = 0; i < n; i++)
        {
            var list = lists[i];
            int kept = 0;
            foreach (var e in list)
                if (seen[e.Other] != i + 1)
                {
                    seen[e.Other] = i + 1;
                    list[kept++] = e;
                }
            if (kept < list.Length) Array.Resize(ref lists[i], kept);
            Array.Sort(lists[i], (a, b) => a.Similarity != b.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Other.CompareTo(b.Other));
        }
        return lists;
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
