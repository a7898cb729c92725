namespace Analysis;

/// <summary>
/// Average-linkage agglomeration on a sparse graph of relative similarities (<see cref="StoryGraph.Linked"/>), stopped at a threshold: two groups join while the
/// mean similarity over all their article pairs (pairs without an edge count 0) is at least the threshold, best pair
/// first. The number of groups follows from the threshold; ties break by group id, so the result is deterministic.
/// Work grows with the number of edges (times a log), never with n².
/// </summary>
internal static class StoryLinkage
{
    /// <summary>The group of each article (0-based, in order of each group's first article).</summary>
    public static int[] Group(StoryGraph graph, double threshold)
    {
        int n = graph.Count;
        var size = new int[n];
        var version = new int[n];
        var alive = new bool[n];
        var sums = new Dictionary<int, double>[n];
        var parent = new int[n];
        var queue = new PriorityQueue<(int A, int B, int VA, int VB), (double, int, int)>(Comparer<(double Neg, int A, int B)>.Create(
            (x, y) => x.Neg != y.Neg ? x.Neg.CompareTo(y.Neg) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B)));
        for (int i = 0; i < n; i++)
        {
            size[i] = 1;
            alive[i] = true;
            parent[i] = i;
            sums[i] = new Dictionary<int, double>(graph.Linked[i].Length);
            foreach (var (j, s) in graph.Linked[i])
            {
                sums[i][j] = s;
                if (i < j && s >= threshold) queue.Enqueue((i, j, 0, 0), (-s, i, j));
            }
        }
        while (queue.TryDequeue(out var e, out _))
        {
            if (!alive[e.A] || !alive[e.B] || version[e.A] != e.VA || version[e.B] != e.VB) continue;
            // Keep the lower id; move the smaller neighbour table into the larger one.
            int keep = e.A, gone = e.B;
            var into = sums[keep].Count >= sums[gone].Count ? sums[keep] : sums[gone];
            var from = ReferenceEquals(into, sums[keep]) ? sums[gone] : sums[keep];
            into.Remove(keep);
            into.Remove(gone);
            foreach (var (c, s) in from)
                if (c != keep && c != gone) into[c] = into.GetValueOrDefault(c) + s;
            sums[keep] = into;
            sums[gone] = null!;
            alive[gone] = false;
            parent[gone] = keep;
            size[keep] += size[gone];
            version[keep]++;
            foreach (var (c, s) in into)
            {
                var theirs = sums[c];
                theirs.Remove(gone);
                theirs[keep] = s;
                double mean = s / ((double)size[keep] * size[c]);
                if (mean >= threshold)
                {
                    var (a, b) = keep < c ? (keep, c) : (c, keep);
                    queue.Enqueue((a, b, version[a], version[b]), (-mean, a, b));
                }
            }
        }
        var label = new int[n];
        var ids = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int r = i;
            while (parent[r] != r) r = parent[r];
            if (!ids.TryGetValue(r, out int id)) ids[r] = id = ids.Count;
            label[i] = id;
        }
        return label;
    }
}
