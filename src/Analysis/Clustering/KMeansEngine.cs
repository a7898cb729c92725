using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Analysis;

/// <summary>One KMeans solution: a cluster per point, centroids and the within-cluster sum of squares.</summary>
internal sealed record KMeansSolution(int[] Labels, float[] Centroids, double Inertia);

/// <summary>
/// KMeans with ML.NET's trainer, made deterministic: one trainer thread and a fixed seed per initialization
/// (ML.NET's multi-threaded KMeans sums in a varying order). Several initializations (KMeans++) are run and the
/// lowest inertia kept, ties to the earliest, like scikit-learn's n_init.
/// </summary>
internal static class KMeansEngine
{
    private const long InitializationBudget = 100_000;

    public static KMeansSolution Fit(float[] x, int n, int d, int k, int seed, int initializations)
    {
        initializations = (int)Math.Min(initializations, Math.Max(2, InitializationBudget / n));
        var rows = new FeatureRow[n];
        for (int i = 0; i < n; i++) rows[i] = new FeatureRow { Features = x.AsSpan(i * d, d).ToArray() };
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);

        // Initializations are independent single-threaded fits: run them side by side and pick by index order.
        var solutions = new KMeansSolution[initializations];
        Parallel.For(0, initializations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var ml = new MLContext(seed + i);
            var data = ml.Data.LoadFromEnumerable(rows, schema);
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = nameof(FeatureRow.Features),
                NumberOfClusters = k,
                NumberOfThreads = 1,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            });
            var model = trainer.Fit(data).Model;
            VBuffer<float>[] centroids = [];
            model.GetClusterCentroids(ref centroids, out int got);
            var flat = new float[k * d];
            for (int c = 0; c < got; c++) centroids[c].CopyTo(flat.AsSpan(c * d, d));
            solutions[i] = Assign(x, n, d, k, flat);
        });
        var best = solutions[0];
        foreach (var s in solutions.Skip(1))
            if (s.Inertia < best.Inertia) best = s;
        return Renumber(best, d, k);
    }

    /// <summary>Nearest centroid per point (lowest index on ties) and the resulting inertia.</summary>
    internal static KMeansSolution Assign(float[] x, int n, int d, int k, float[] centroids)
    {
        var labels = new int[n];
        double inertia = 0;
        for (int i = 0; i < n; i++)
        {
            var p = x.AsSpan(i * d, d);
            int best = 0; float bestDist = float.MaxValue;
            for (int c = 0; c < k; c++)
            {
                float dist = System.Numerics.Tensors.TensorPrimitives.Distance(p, centroids.AsSpan(c * d, d));
                if (dist < bestDist) { bestDist = dist; best = c; }
            }
            labels[i] = best;
            inertia += (double)bestDist * bestDist;
        }
        return new KMeansSolution(labels, centroids, inertia);
    }

    /// <summary>Numbers clusters by their first member (cluster 0 holds point 0), so equal partitions print equally.</summary>
    private static KMeansSolution Renumber(KMeansSolution s, int d, int k)
    {
        var map = new int[k];
        Array.Fill(map, -1);
        int next = 0;
        foreach (int l in s.Labels)
            if (map[l] < 0) map[l] = next++;
        for (int c = 0; c < k; c++)
            if (map[c] < 0) map[c] = next++;
        var centroids = new float[k * d];
        for (int c = 0; c < k; c++) s.Centroids.AsSpan(c * d, d).CopyTo(centroids.AsSpan(map[c] * d, d));
        return new KMeansSolution(s.Labels.Select(l => map[l]).ToArray(), centroids, s.Inertia);
    }

    private sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }
}
