using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>DataFrames for entities (schemas in docs/text.md).</summary>
public static class EntityTables
{
    private static string KindName(EntityKind k) => k switch
    {
        EntityKind.Person => "person", EntityKind.Organization => "organization", EntityKind.Place => "place", _ => "group",
    };

    /// <summary>entity_mentions: one row per mention.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<EntityMention> mentions) => TableBuilder.Build(mentions,
    [
        .. Provenance.Source<EntityMention>(),
        Column<EntityMention>.Text("text", m => m.Text),
        Column<EntityMention>.Text("kind", m => KindName(m.Kind)),
        Column<EntityMention>.Text("canonical", m => m.Canonical),
        .. Provenance.Location<EntityMention>(),
        Column<EntityMention>.Text("rule", m => m.Rule),
    ]);

    /// <summary>entities: one row per (article, canonical entity) with its mention count and first mention.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<EntityCount> counts) => TableBuilder.Build(counts,
    [
        .. Provenance.Source<EntityCount>(),
        Column<EntityCount>.Text("canonical", c => c.Canonical),
        Column<EntityCount>.Text("kind", c => KindName(c.Kind)),
        Column<EntityCount>.Int("mentions", c => c.Mentions),
        Column<EntityCount>.Text("variants", c => c.Variants),
        .. Provenance.Location<EntityCount>(),
        Column<EntityCount>.Text("rule", c => c.Rule),
    ]);

    /// <summary>canonical_entities: one row per entity across the corpus.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Entity> entities) => TableBuilder.Build(entities,
        Column<Entity>.Text("canonical", e => e.Canonical),
        Column<Entity>.Text("kind", e => KindName(e.Kind)),
        Column<Entity>.Int("mentions", e => e.Mentions),
        Column<Entity>.Int("articles", e => e.Articles),
        Column<Entity>.Int("outlets", e => e.Outlets),
        Column<Entity>.Text("variants", e => e.Variants));
}
