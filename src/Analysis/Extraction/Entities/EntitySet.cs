using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>
/// The named entities of a corpus: every <see cref="Mentions">mention</see>, the <see cref="Counts">count per
/// article</see> of each canonical entity, and the <see cref="Canonical">canonical entities</see> themselves.
/// <code>var entities = corpus.Entities(); entities.ToDataFrame()</code>
/// </summary>
public sealed class EntitySet
{
    private readonly Dictionary<string, List<EntityMention>> _byArticle;

    /// <summary>Merges the mentions of every annotated article into one set (canonical names across the corpus).</summary>
    internal static EntitySet Merge(IEnumerable<AnnotatedArticle> articles, bool eachArticleAlone = false)
    {
        var list = articles as IReadOnlyList<AnnotatedArticle> ?? articles.ToList();
        var mentions = eachArticleAlone
            ? list.SelectMany(a => EntityMerger.Merge([a])).ToList()
            : EntityMerger.Merge(list);
        return new(mentions, list.Select(a => (a.Article, a.Gazetteer)));
    }

    /// <remarks>
    /// One pass over the mentions with dictionaries (no LINQ grouping): this runs on every analysis, over tens of
    /// thousands of mentions, and the grouping's allocations were a fifth of the text pipeline's time. Mentions come
    /// article by article, so the tallies are looked up in one small map per run of an article's mentions (reused, and
    /// refilled from the article's tallies should the article come back) rather than in one map of the whole corpus.
    /// </remarks>
    internal EntitySet(List<EntityMention> mentions, IEnumerable<(Article Article, Gazetteer Gazetteer)>? credited = null)
    {
        Mentions = mentions;
        _byArticle = new Dictionary<string, List<EntityMention>>(StringComparer.Ordinal);
        var inRun = new Dictionary<(EntityKind, string), Tally>();
        var articleOrder = new List<string>();
        var articleCounts = new Dictionary<string, List<Tally>>(StringComparer.Ordinal);
        int tallied = 0;
        for (int i = 0, end; i < mentions.Count; i = end)
        {
            var id = mentions[i].ArticleId;
            for (end = i + 1; end < mentions.Count && mentions[end].ArticleId == id;) end++;
            inRun.Clear();
            if (_byArticle.TryGetValue(id, out var inArticle))
                foreach (var t in articleCounts[id]) inRun[(t.First.Kind, t.First.Canonical)] = t;
            else
            {
                _byArticle[id] = inArticle = new List<EntityMention>(end - i);
                articleOrder.Add(id);
                articleCounts[id] = new List<Tally>();
            }
            var tallies = articleCounts[id];
            for (int k = i; k < end; k++)
            {
                var m = mentions[k];
                inArticle.Add(m);
                if (!inRun.TryGetValue((m.Kind, m.Canonical), out var count))
                {
                    inRun[(m.Kind, m.Canonical)] = count = new Tally(m);
                    tallies.Add(count);
                    tallied++;
                }
                count.Add(m);
            }
        }
        var counts = new List<EntityCount>(tallied);
        var credits = (credited ?? []).ToDictionary(c => c.Article.Id, StringComparer.Ordinal);
        foreach (var id in articleOrder.Concat(credits.Keys.Where(k => !articleCounts.ContainsKey(k))))
        {
            int from = counts.Count;
            foreach (var t in articleCounts.GetValueOrDefault(id) ?? [])
                counts.Add(new EntityCount(t.First.ArticleId, t.First.Outlet, t.First.Canonical, t.First.Kind, t.Mentions, t.VariantList,
                    t.First.Start, t.First.End, t.First.SentenceIndex, t.First.Sentence, t.First.Rule));
            if (credits.TryGetValue(id, out var c)) AddCredits(counts, from, c.Article, c.Gazetteer);
        }
        Counts = counts;
        Canonical = CanonicalOf(counts);
    }

    /// <summary>
    /// The corpus-wide entities from the per-article rows (so a byline reporter is one too, with the articles it signs):
    /// mentions summed, articles and outlets counted, spellings joined; most mentioned first. The same count a merge of
    /// streamed shards makes over the <c>entities</c> table.
    /// </summary>
    private static List<Entity> CanonicalOf(List<EntityCount> counts)
    {
        // Each row is one article of its entity (rows are per article and entity), so articles are counted, not collected;
        // most entities have one outlet and one spelling, so the sets are made only when a second one turns up.
        var order = new List<(EntityKind, string)>();
        var acc = new Dictionary<(EntityKind, string), Totals>();
        foreach (var c in counts)
        {
            if (!acc.TryGetValue((c.Kind, c.Canonical), out var a))
            {
                order.Add((c.Kind, c.Canonical));
                acc[(c.Kind, c.Canonical)] = a = new Totals(c.Outlet, c.Variants);
            }
            else a.Add(c.Outlet, c.Variants);
            a.Mentions += c.Mentions;
            a.Articles++;
        }
        return order.Select(k => (Key: k, A: acc[k]))
            .Select(x => new Entity(x.Key.Item2, x.Key.Item1, x.A.Mentions, x.A.Articles, x.A.OutletCount, x.A.VariantList))
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.Canonical, StringComparer.Ordinal).ToList();
    }

    /// <summary>Corpus-wide totals of one entity while its rows are read.</summary>
    private sealed class Totals(string outlet, string variants)
    {
        private HashSet<string>? _outlets;
        private SortedSet<string>? _variants;
        public int Mentions, Articles;

        public void Add(string outlet2, string variants2)
        {
            if (_outlets is null && outlet2 != outlet) _outlets = new HashSet<string>(StringComparer.Ordinal) { outlet };
            _outlets?.Add(outlet2);
            if (_variants is null && variants2 != variants) _variants = new SortedSet<string>(variants.Split("; "), StringComparer.Ordinal);
            _variants?.UnionWith(variants2.Split("; "));
        }

        public int OutletCount => _outlets?.Count ?? 1;
        /// <summary>Every spelling, sorted and joined; a row's own list is already sorted and joined.</summary>
        public string VariantList => _variants is null ? variants : string.Join("; ", _variants);
    }

    /// <summary>Running totals of one article's mentions of one entity: first mention, count, distinct texts.</summary>
    private sealed class Tally(EntityMention first)
    {
        /// <summary>The distinct texts after the first mention's, made only when a second one turns up (most entities have one).</summary>
        private List<string>? _variants;
        public EntityMention First { get; } = first;
        public int Mentions { get; private set; }

        public void Add(EntityMention m)
        {
            Mentions++;
            if (m.Text == First.Text) return;
            // Few variants per entity in one article: a list beats a set here.
            _variants ??= [First.Text];
            if (!_variants.Contains(m.Text)) _variants.Add(m.Text);
        }

        public string VariantList
        {
            get
            {
                if (_variants is null) return First.Text;
                _variants.Sort(StringComparer.Ordinal);
                return string.Join("; ", _variants);
            }
        }
    }

    /// <summary>
    /// Byline reporters and post authors of <paramref name="article"/>, whose rows are <paramref name="counts"/> from
    /// <paramref name="from"/> on: the role added to the person's row when the text names them too, else a row of
    /// their own (no mention: start, end and sentence_index -1, the byline or post as its sentence, the role as its
    /// rule) after the article's other rows.
    /// </summary>
    private static void AddCredits(List<EntityCount> counts, int from, Article article, Gazetteer gazetteer)
    {
        int end = counts.Count;
        foreach (var credit in Contributors.Of(article, gazetteer))
        {
            int i = counts.FindIndex(from, end - from, c => c.Kind == EntityKind.Person && c.Canonical == credit.Name);
            if (i >= 0) counts[i] = counts[i] with { Role = EntityRoles.Join([.. EntityRoles.Split(counts[i].Role), credit.Role]) };
            else counts.Add(new EntityCount(article.Id, article.OutletOrId, credit.Name, EntityKind.Person, 0, credit.Name,
                -1, -1, -1, credit.Source, credit.Role) { Role = credit.Role });
        }
    }

    /// <summary>
    /// <see cref="Counts"/> with the role "quoted" added to every entity that speaks one of <paramref name="quotes"/>
    /// (the <c>entities</c> table that <c>corpus.Analyze()</c> writes). Speakers that are descriptions ("the official")
    /// are no entities and add nothing.
    /// </summary>
    public IReadOnlyList<EntityCount> WithSpeakers(IEnumerable<Quote> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var speakers = quotes.Where(q => q.Speaker is not null && q.Kind is QuoteKind.Full or QuoteKind.Scare)
            .Select(q => (q.ArticleId, q.Speaker!)).ToHashSet();
        return Counts.Select(c => c.Kind is EntityKind.Person or EntityKind.Organization && speakers.Contains((c.ArticleId, c.Canonical))
            ? c with { Role = EntityRoles.Join([.. EntityRoles.Split(c.Role), EntityRoles.Quoted]) } : c).ToList();
    }

    /// <summary>Every mention, in article and text order.</summary>
    public IReadOnlyList<EntityMention> Mentions { get; }
    /// <summary>One row per (article, canonical entity): the <c>entities</c> table.</summary>
    public IReadOnlyList<EntityCount> Counts { get; }
    /// <summary>One row per canonical entity across the corpus, most mentioned first (byline reporters and post authors the text never names included, with 0 mentions).</summary>
    public IReadOnlyList<Entity> Canonical { get; }

    /// <summary>Mentions of people only.</summary>
    public IEnumerable<EntityMention> People => Mentions.Where(m => m.Kind == EntityKind.Person);

    /// <summary>The mentions in one article (empty when it has none).</summary>
    public IReadOnlyList<EntityMention> In(string articleId) => _byArticle.GetValueOrDefault(articleId) ?? [];

    /// <summary>The <c>entities</c> table: mention counts per article and canonical entity.</summary>
    public DataFrame ToDataFrame() => Counts.ToDataFrame();

    /// <summary>The <c>entities</c> table with the quoted speakers' role (<see cref="WithSpeakers"/>).</summary>
    public DataFrame ToDataFrame(IEnumerable<Quote> quotes) => WithSpeakers(quotes).ToDataFrame();

    public override string ToString() => $"{Mentions.Count} mentions of {Canonical.Count} entities";
}

/// <summary>Options for <see cref="EntityExtraction.Entities(Corpus, EntityOptions?)"/>.</summary>
public sealed record EntityOptions
{
    /// <summary>
    /// The names to recognize; null uses the corpus's own (<see cref="Corpus.Gazetteer"/>). Another gazetteer reads
    /// the corpus again through <see cref="Corpus.WithGazetteer"/>.
    /// </summary>
    public Gazetteer? Gazetteer { get; init; }
}

/// <summary>Entry points: <c>corpus.Entities()</c>.</summary>
public static class EntityExtraction
{
    /// <summary>
    /// The named entities of every article, merged across the corpus. Computed once per corpus (and gazetteer):
    /// quotes and the timeline reuse the same set.
    /// </summary>
    public static EntitySet Entities(this Corpus corpus, EntityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return corpus.For(options?.Gazetteer).CachedEntities;
    }

    /// <summary>The corpus itself, or its view read with <paramref name="gazetteer"/> when that is another one.</summary>
    internal static Corpus For(this Corpus corpus, Gazetteer? gazetteer) =>
        gazetteer is null ? corpus : corpus.WithGazetteer(gazetteer);
}
