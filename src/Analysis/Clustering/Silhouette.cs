using System.Numerics.Tensors;

namespace Analysis;

/// <summary>
/// Mean silhouette width with cosine distance over unit vectors, for choosing k. Large inputs are scored on an
/// evenly spaced sample (about 20 million distance pairs at most), the distances computed once for every k.
/// </summary>
internal sealed class Silhouette
{
    private readonly int[] _sample;
    private readonly float[] _distances;
    private readonly int _n;

    public Silhouette(float[] x, int n, int d)
    {
        _n = n;
        int size = (int)Math.Min(n, Math.Min(2000, 20_000_000L / Math.Max(n, 1)));
        _sample = Enumerable.Range(0, size).Select(i => (int)((long)i * n / size)).ToArray();
        _distances = new float[size * n];
        Parallel.For(0, size, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            var p = x.AsSpan(_sample[s] * d, d);
            for (int j = 0; j < n; j++) _distances[s * n + j] = 1f - TensorPrimitives.Dot(p, x.AsSpan(j * d, d));
        });
    }

    /// <summary>Mean silhouette of the sampled points under <paramref name="labels"/> (0 for singletons).</summary>
    public double Score(int[] labels, int k)
    {
        var sizes = new int[k];
        foreach (int l in labels) sizes[l]++;
        // Points grouped by cluster, ascending within each: every cluster's sum then runs over its own points in the
        // order a single pass would add them (same sums), without each addition waiting on the previous cluster's store.
        var first = new int[k + 1];
        for (int c = 0; c < k; c++) first[c + 1] = first[c] + sizes[c];
        var byCluster = new int[_n];
        var next = first[..k];
        for (int j = 0; j < _n; j++) byCluster[next[labels[j]]++] = j;
        var sums = new double[k];
        double total = 0;
        for (int s = 0; s < _sample.Length; s++)
        {
            var row = _distances.AsSpan(s * _n, _n);
            for (int c = 0; c < k; c++)
            {
                double sum = 0;
                for (int i = first[c]; i < first[c + 1]; i++) sum += row[byCluster[i]];
                sums[c] = sum;
            }
            int own = labels[_sample[s]];
            if (sizes[own] <= 1) continue;
            double a = sums[own] / (sizes[own] - 1), b = double.MaxValue;
            for (int c = 0; c < k; c++)
                if (c != own && sizes[c] > 0) b = Math.Min(b, sums[c] / sizes[c]);
            if (b == double.MaxValue) continue;
            double m = Math.Max(a, b);
            total += m > 0 ? (b - a) / m : 0;
        }
        return total / _sample.Length;
    }
}
