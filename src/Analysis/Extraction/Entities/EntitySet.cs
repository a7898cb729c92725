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
            ? list.SelectMany(a => EntityMerger.Merge(a.Mentions.ToList())).ToList()
            : EntityMerger.Merge(list.SelectMany(a => a.Mentions).ToList());
        return new(mentions, list.Select(a => (a.Article, a.Gazetteer)));
    }

    internal EntitySet(List<EntityMention> mentions, IEnumerable<(Article Article, Gazetteer Gazetteer)>? credited = null)
    {
        Mentions = mentions;
        _byArticle = mentions.GroupBy(m => m.ArticleId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var counts = mentions.GroupBy(m => (m.ArticleId, m.Kind, m.Canonical))
            .Select(g =>
            {
                var first = g.First();
                return new EntityCount(first.ArticleId, first.Outlet, first.Canonical, first.Kind, g.Count(), Variants(g),
                    first.Start, first.End, first.SentenceIndex, first.Sentence, first.Rule);
            }).ToList();
        foreach (var (article, gazetteer) in credited ?? [])
            AddCredits(counts, article, gazetteer);
        Counts = counts;
        Canonical = mentions.GroupBy(m => (m.Kind, m.Canonical))
            .Select(g => new Entity(g.Key.Canonical, g.Key.Kind, g.Count(), g.Select(m => m.ArticleId).Distinct().Count(),
                g.Select(m => m.Outlet).Distinct().Count(), Variants(g)))
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.Canonical, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Byline reporters and post authors of <paramref name="article"/>: the role added to the person's row when the
    /// text names them too, else a row of their own (no mention: start, end and sentence_index -1, the byline or
    /// post as its sentence, the role as its rule), after the article's other rows.
    /// </summary>
    private static void AddCredits(List<EntityCount> counts, Article article, Gazetteer gazetteer)
    {
        foreach (var credit in Contributors.Of(article, gazetteer))
        {
            int i = counts.FindIndex(c => c.ArticleId == article.Id && c.Kind == EntityKind.Person && c.Canonical == credit.Name);
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
    /// <summary>One row per canonical entity across the corpus, most mentioned first.</summary>
    public IReadOnlyList<Entity> Canonical { get; }

    /// <summary>Mentions of people only.</summary>
    public IEnumerable<EntityMention> People => Mentions.Where(m => m.Kind == EntityKind.Person);

    /// <summary>The mentions in one article (empty when it has none).</summary>
    public IReadOnlyList<EntityMention> In(string articleId) => _byArticle.GetValueOrDefault(articleId) ?? [];

    /// <summary>The <c>entities</c> table: mention counts per article and canonical entity.</summary>
    public DataFrame ToDataFrame() => Counts.ToDataFrame();

    /// <summary>The <c>entities</c> table with the quoted speakers' role (<see cref="WithSpeakers"/>).</summary>
    public DataFrame ToDataFrame(IEnumerable<Quote> quotes) => WithSpeakers(quotes).ToDataFrame();

    private static string Variants(IEnumerable<EntityMention> g) =>
        string.Join("; ", g.Select(m => m.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

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
