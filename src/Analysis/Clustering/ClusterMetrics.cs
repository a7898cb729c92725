namespace Analysis;

/// <summary>Agreement between a clustering and reference labels (both as one label per item).</summary>
public static class ClusterMetrics
{
    /// <summary>Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default): 1 = identical partitions.</summary>
    public static double Nmi<TA, TB>(IReadOnlyList<TA> truth, IReadOnlyList<TB> predicted) where TA : notnull where TB : notnull
    {
        var (table, rows, cols, n) = Contingency(truth, predicted);
        double hRows = Entropy(rows, n), hCols = Entropy(cols, n);
        if (hRows == 0 && hCols == 0) return 1;
        double mi = 0;
        foreach (var ((r, c), count) in table)
            mi += count / n * Math.Log(count * n / ((double)rows[r] * cols[c]));
        return mi / ((hRows + hCols) / 2);
    }

    /// <summary>Adjusted Rand index: 1 = identical partitions, about 0 = chance agreement.</summary>
    public static double Ari<TA, TB>(IReadOnlyList<TA> truth, IReadOnlyList<TB> predicted) where TA : notnull where TB : notnull
    {
        var (table, rows, cols, n) = Contingency(truth, predicted);
        static double Pairs(double x) => x * (x - 1) / 2;
        double index = table.Values.Sum(v => Pairs(v));
        double a = rows.Values.Sum(v => Pairs(v)), b = cols.Values.Sum(v => Pairs(v));
        double expected = a * b / Pairs(n), max = (a + b) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    /// <summary>
    /// Adjusted mutual information (arithmetic-mean normalisation, as scikit-learn): mutual information corrected for
    /// the agreement expected by chance between partitions of the same sizes; 1 = identical, about 0 = chance.
    /// </summary>
    public static double Ami<TA, TB>(IReadOnlyList<TA> truth, IReadOnlyList<TB> predicted) where TA : notnull where TB : notnull
    {
        var (table, rows, cols, n) = Contingency(truth, predicted);
        double hRows = Entropy(rows, n), hCols = Entropy(cols, n);
        if (rows.Count == cols.Count && (rows.Count == 1 || rows.Count == n)) return 1;
        double mi = 0;
        foreach (var ((r, c), count) in table)
            mi += count / n * Math.Log(count * n / ((double)rows[r] * cols[c]));
        // Expected mutual information under the hypergeometric model (Vinh, Epps and Bailey 2010).
        int total = (int)n;
        var logFactorial = new double[total + 1];
        for (int i = 2; i <= total; i++) logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        double emi = 0;
        foreach (int a in rows.Values)
            foreach (int b in cols.Values)
                for (int nij = Math.Max(1, a + b - total); nij <= Math.Min(a, b); nij++)
                {
                    double logP = logFactorial[a] + logFactorial[b] + logFactorial[total - a] + logFactorial[total - b]
                        - logFactorial[total] - logFactorial[nij] - logFactorial[a - nij] - logFactorial[b - nij]
                        - logFactorial[total - a - b + nij];
                    emi += nij / n * Math.Log(n * nij / ((double)a * b)) * Math.Exp(logP);
                }
        double denominator = (hRows + hCols) / 2 - emi;
        return Math.Abs(denominator) < 1e-12 ? 1 : (mi - emi) / denominator;
    }

    private static (Dictionary<(int, int), int> Table, Dictionary<int, int> Rows, Dictionary<int, int> Cols, double N)
        Contingency<TA, TB>(IReadOnlyList<TA> truth, IReadOnlyList<TB> predicted) where TA : notnull where TB : notnull
    {
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"Label lists differ in length: {truth.Count} reference labels, {predicted.Count} predicted.");
        if (truth.Count == 0) throw new ArgumentException("No labels to compare.");
        var ta = new Dictionary<TA, int>(); var pb = new Dictionary<TB, int>();
        var table = new Dictionary<(int, int), int>(); var rows = new Dictionary<int, int>(); var cols = new Dictionary<int, int>();
        for (int i = 0; i < truth.Count; i++)
        {
            if (!ta.TryGetValue(truth[i], out int r)) ta[truth[i]] = r = ta.Count;
            if (!pb.TryGetValue(predicted[i], out int c)) pb[predicted[i]] = c = pb.Count;
            table[(r, c)] = table.GetValueOrDefault((r, c)) + 1;
            rows[r] = rows.GetValueOrDefault(r) + 1;
            cols[c] = cols.GetValueOrDefault(c) + 1;
        }
        return (table, rows, cols, truth.Count);
    }

    private static double Entropy(Dictionary<int, int> counts, double n) =>
        -counts.Values.Sum(v => v / n * Math.Log(v / n));
}
