using System.Numerics.Tensors;

namespace Analysis;

/// <summary>
/// Latent semantic analysis: a randomized truncated SVD (Halko, Martinsson and Tropp 2011, with power iterations)
/// of the sparse TF-IDF matrix, giving each document a short dense vector. Every step is either sequential or
/// split by output row, so results are bit-identical whatever the number of threads.
/// </summary>
internal static class Lsa
{
    /// <summary>
    /// Document coordinates U·S (row-major, rows × <paramref name="outDims"/>) of the top singular directions,
    /// each row then L2-normalised. <paramref name="dims"/> is capped by the matrix rank bound min(rows, cols).
    /// </summary>
    public static float[] Reduce(SparseMatrix a, int dims, int seed, int powerIterations, out int outDims)
    {
        int n = a.Rows, m = a.Cols;
        int l = Math.Min(dims + 10, Math.Min(n, m));
        outDims = Math.Min(dims, l);
        if (l == 0) return new float[n * outDims];
        var at = a.Transpose();

        var z = RandomSigns(m * l, seed);
        var y = new float[n * l];
        Multiply(a, z, l, y);
        Orthonormalize(y, n, l);
        for (int q = 0; q < powerIterations; q++)
        {
            // Only the n-side basis is re-orthonormalised: Aᵀ of an orthonormal basis is well scaled, and the
            // term side (m ≫ n) would cost most of the time.
            Multiply(at, y, l, z);
            Multiply(a, z, l, y);
            Orthonormalize(y, n, l);
        }
        // Bᵀ = Aᵀ Q; the eigenvectors W of B Bᵀ rotate Q onto the left singular vectors: U·S = Q W S.
        Multiply(at, y, l, z);
        var (values, vectors) = Eigen.Symmetric(Gram(z, m, l), l);
        // Rotation scaled by the singular values, as rows: rot[k] = (W[k, c] · s_c) for c < dims.
        var rot = new float[l * outDims];
        for (int k = 0; k < l; k++)
            for (int c = 0; c < outDims; c++) rot[k * outDims + c] = (float)(vectors[k * l + c] * Math.Sqrt(Math.Max(values[c], 0)));
        int w = outDims;
        var result = new float[n * w];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var dest = result.AsSpan(i * w, w);
            for (int k = 0; k < l; k++)
                TensorPrimitives.MultiplyAdd(rot.AsSpan(k * w, w), y[i * l + k], dest, dest);
        });
        FixSigns(result, n, outDims);
        NormalizeRows(result, n, outDims);
        return result;
    }

    /// <summary>Y = A·X for a sparse A and a row-major dense X of width <paramref name="w"/>.</summary>
    internal static void Multiply(SparseMatrix a, float[] x, int w, float[] y)
    {
        Parallel.For(0, a.Rows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
        {
            var dest = y.AsSpan(r * w, w);
            dest.Clear();
            var cols = a.RowColumns(r);
            var vals = a.RowValues(r);
            for (int p = 0; p < cols.Length; p++)
                TensorPrimitives.MultiplyAdd(x.AsSpan(cols[p] * w, w), vals[p], dest, dest);
        });
    }

    /// <summary>Orthonormal columns for a row-major n × w matrix in place (modified Gram-Schmidt, twice).</summary>
    internal static void Orthonormalize(float[] x, int n, int w)
    {
        var t = new float[n * w];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < w; c++) t[c * n + i] = x[i * w + c];
        for (int pass = 0; pass < 2; pass++)
            for (int c = 0; c < w; c++)
            {
                var col = t.AsSpan(c * n, n);
                for (int p = 0; p < c; p++)
                {
                    var prev = t.AsSpan(p * n, n);
                    TensorPrimitives.MultiplyAdd(prev, -TensorPrimitives.Dot(prev, col), col, col);
                }
                float norm = TensorPrimitives.Norm(col);
                if (norm > 1e-6f) TensorPrimitives.Divide(col, norm, col);
                else col.Clear();
            }
        for (int i = 0; i < n; i++)
            for (int c = 0; c < w; c++) x[i * w + c] = t[c * n + i];
    }

    /// <summary>Xᵀ X (w × w, double) for a row-major n × w matrix.</summary>
    internal static double[] Gram(float[] x, int n, int w)
    {
        var g = new double[w * w];
        Parallel.For(0, w, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, a =>
        {
            var acc = new float[w];
            for (int i = 0; i < n; i++)
            {
                float v = x[i * w + a];
                if (v != 0) TensorPrimitives.MultiplyAdd(x.AsSpan(i * w, w), v, acc, acc);
            }
            for (int b = 0; b < w; b++) g[a * w + b] = acc[b];
        });
        return g;
    }

    /// <summary>A random ±1 test matrix (as good as Gaussian for the range finder, and far cheaper to draw).</summary>
    private static float[] RandomSigns(int count, int seed)
    {
        var z = new float[count];
        ulong state = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;
        for (int i = 0; i < count; i += 64)
        {
            // SplitMix64: a fixed generator, so the matrix is the same on every runtime and machine.
            ulong bits = state += 0x9E3779B97F4A7C15UL;
            bits = (bits ^ (bits >> 30)) * 0xBF58476D1CE4E5B9UL;
            bits = (bits ^ (bits >> 27)) * 0x94D049BB133111EBUL;
            bits ^= bits >> 31;
            for (int b = 0; b < 64 && i + b < count; b++) z[i + b] = ((bits >> b) & 1) == 0 ? 1f : -1f;
        }
        return z;
    }

    /// <summary>Singular vectors have no sign: make each column's largest entry positive so maps do not flip.</summary>
    internal static void FixSigns(float[] x, int n, int w)
    {
        for (int c = 0; c < w; c++)
        {
            float best = 0;
            for (int i = 0; i < n; i++)
                if (Math.Abs(x[i * w + c]) > Math.Abs(best)) best = x[i * w + c];
            if (best < 0)
                for (int i = 0; i < n; i++) x[i * w + c] = -x[i * w + c];
        }
    }

    internal static void NormalizeRows(float[] x, int n, int w)
    {
        for (int i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * w, w);
            float norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Divide(row, norm, row);
        }
    }
}

/// <summary>Eigen-decomposition of small symmetric matrices (cyclic Jacobi rotations).</summary>
internal static class Eigen
{
    /// <summary>
    /// Eigenvalues in decreasing order and the matching eigenvectors as columns of a row-major
    /// <paramref name="size"/>² array, for a row-major symmetric <paramref name="matrix"/>.
    /// </summary>
    public static (double[] Values, double[] Vectors) Symmetric(double[] matrix, int size)
    {
        var a = (double[])matrix.Clone();
        // Eigenvectors kept as rows of vt (vt = Vᵀ) so each rotation touches two contiguous rows.
        var vt = new double[size * size];
        for (int i = 0; i < size; i++) vt[i * size + i] = 1;
        double total = a.Sum(x => x * x);
        for (int sweep = 0; sweep < 60; sweep++)
        {
            double off = 0;
            for (int i = 0; i < size; i++)
                for (int j = i + 1; j < size; j++) off += 2 * a[i * size + j] * a[i * size + j];
            if (off <= 1e-24 * total) break;
            for (int p = 0; p < size - 1; p++)
                for (int q = p + 1; q < size; q++)
                {
                    double apq = a[p * size + q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    double theta = (a[q * size + q] - a[p * size + p]) / (2 * apq);
                    double t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    // A ← Jᵀ A J: rotate rows p and q, then columns p and q.
                    Rotate(a.AsSpan(p * size, size), a.AsSpan(q * size, size), c, s);
                    for (int k = 0; k < size; k++)
                    {
                        double akp = a[k * size + p], akq = a[k * size + q];
                        a[k * size + p] = c * akp - s * akq;
                        a[k * size + q] = s * akp + c * akq;
                    }
                    Rotate(vt.AsSpan(p * size, size), vt.AsSpan(q * size, size), c, s);
                }
        }
        var order = Enumerable.Range(0, size).OrderByDescending(i => a[i * size + i]).ThenBy(i => i).ToArray();
        var values = order.Select(i => a[i * size + i]).ToArray();
        var vectors = new double[size * size];
        for (int c = 0; c < size; c++)
            for (int r = 0; r < size; r++) vectors[r * size + c] = vt[order[c] * size + r];
        return (values, vectors);
    }

    private static void Rotate(Span<double> p, Span<double> q, double c, double s)
    {
        for (int k = 0; k < p.Length; k++)
        {
            double pk = p[k], qk = q[k];
            p[k] = c * pk - s * qk;
            q[k] = s * pk + c * qk;
        }
    }
}
