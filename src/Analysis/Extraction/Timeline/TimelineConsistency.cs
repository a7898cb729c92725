namespace Analysis;

/// <summary>Finds events dated differently by different outlets, and weekdays that contradict the written date.</summary>
internal static class TimelineConsistency
{
    public static List<TimelineInconsistency> Check(IReadOnlyList<TimelineEntry> entries)
    {
        var result = new List<TimelineInconsistency>();
        var dated = entries.Where(e => e.Precision == "day" && e.Date is not null && e.EventKey is not null).ToList();
        foreach (var byKey in dated.GroupBy(e => e.EventKey!))
            foreach (var cluster in Clusters(byKey.OrderBy(e => e.Date)))
            {
                var dates = cluster.GroupBy(e => e.Date!.Value)
                    .Select(g => (Date: g.Key, Outlets: g.Select(e => e.Outlet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
                    .OrderByDescending(d => d.Outlets.Count).ThenBy(d => d.Date).ToList();
                if (dates.Count < 2 || cluster.Select(e => e.Outlet).Distinct().Count() < 2) continue;
                var majority = dates[0];
                // With no majority every side is listed; otherwise only the entries that depart from it.
                bool tie = dates[1].Outlets.Count == majority.Outlets.Count;
                var summary = string.Join("; ", dates.Select(d => $"{d.Date:yyyy-MM-dd ddd}: {string.Join(", ", d.Outlets)}"));
                var departing = cluster.Where(e => tie || e.Date != majority.Date)
                    .DistinctBy(e => (e.ArticleId, e.Expression, e.Date));
                foreach (var e in departing)
                    result.Add(Row(e, byKey.Key, "outlets_disagree",
                        tie ? $"'{e.Expression}' reads as {e.Date:yyyy-MM-dd} ({e.Date!.Value.DayOfWeek}); outlets disagree with no majority"
                            : $"'{e.Expression}' reads as {e.Date:yyyy-MM-dd} ({e.Date!.Value.DayOfWeek}); {majority.Outlets.Count} outlet(s) place it on {majority.Date:yyyy-MM-dd} ({majority.Date.DayOfWeek})",
                        summary));
            }
        // A weekday written next to a full date in the same sentence must be that date's weekday.
        foreach (var sentence in entries.GroupBy(e => (e.ArticleId, e.SentenceIndex)))
        {
            var written = sentence.Where(e => e.Rule != "weekday" && e.Precision == "day" && e.Date is not null).ToList();
            foreach (var w in sentence.Where(e => e.Rule == "weekday"))
            {
                var named = WeekdayIn(w.Expression);
                var near = written.Where(d => Math.Abs(d.Start - w.End) <= 3 || Math.Abs(w.Start - d.End) <= 3).ToList();
                foreach (var d in near.Where(d => named is not null && d.Date!.Value.DayOfWeek != named))
                    result.Add(Row(w, w.EventKey ?? "(weekday and date)", "weekday_mismatch",
                        $"'{w.Expression}' is written next to '{d.Expression}', which is a {d.Date!.Value.DayOfWeek}",
                        $"{d.Date:yyyy-MM-dd ddd}"));
            }
        }
        return result;
    }

    private static TimelineInconsistency Row(TimelineEntry e, string key, string rule, string reason, string dates) =>
        new(key, e.ArticleId, e.Outlet, e.Expression, e.Date, e.Start, e.End, e.SentenceIndex, e.Sentence, reason, dates, rule);

    private static DayOfWeek? WeekdayIn(string expression)
    {
        foreach (var d in Enum.GetValues<DayOfWeek>())
            if (expression.Contains(d.ToString(), StringComparison.Ordinal)) return d;
        return null;
    }

    /// <summary>Splits date-ordered entries where consecutive dates are more than the window apart.</summary>
    private static IEnumerable<List<TimelineEntry>> Clusters(IEnumerable<TimelineEntry> ordered)
    {
        var current = new List<TimelineEntry>();
        foreach (var e in ordered)
        {
            if (current.Count > 0 && e.Date!.Value.DayNumber - current[^1].Date!.Value.DayNumber > EventTimeline.SameEventWindowDays)
            {
                yield return current;
                current = new List<TimelineEntry>();
            }
            current.Add(e);
        }
        if (current.Count > 0) yield return current;
    }
}
