namespace Analysis.Clustering;

/// <summary>How article texts become TF-IDF vectors.</summary>
public sealed record TextFeatureOptions
{
    /// <summary>Strip plural and possessive endings so "talks" and "talk" are one term (default true).</summary>
    public bool Stem { get; init; } = true;
    /// <summary>Use 1 + ln(tf) instead of raw counts, so a word repeated ten times does not weigh ten times (default true).</summary>
    public bool SublinearTf { get; init; } = true;
    /// <summary>Keep terms found in at least this many documents; null: 2, or 1 for corpora under 10 documents.</summary>
    public int? MinDocuments { get; init; }
    /// <summary>Drop terms found in more than this fraction of documents (default 0.9; ignored under 10 documents).</summary>
    public double MaxDocumentFraction { get; init; } = 0.9;
}

/// <summary>A row-compressed sparse matrix of floats (rows = documents, columns = terms), column ids sorted per row.</summary>
internal sealed class SparseMatrix(int rows, int cols, int[] rowStart, int[] columns, float[] values)
{
    public int Rows { get; } = rows;
    public int Cols { get; } = cols;
    public int[] RowStart { get; } = rowStart;
    public int[] Columns { get; } = columns;
    public float[] Values { get; } = values;

    public ReadOnlySpan<int> RowColumns(int r) => Columns.AsSpan(RowStart[r], RowStart[r + 1] - RowStart[r]);
    public ReadOnlySpan<float> RowValues(int r) => Values.AsSpan(RowStart[r], RowStart[r + 1] - RowStart[r]);

    /// <summary>The transpose, also row-compressed (i.e. this matrix by columns), rows sorted.</summary>
    public SparseMatrix Transpose()
    {
        var start = new int[Cols + 1];
        foreach (int c in Columns) start[c + 1]++;
        for (int c = 0; c < Cols; c++) start[c + 1] += start[c];
        var next = start[..^1].ToArray();
        var cols = new int[Columns.Length];
        var vals = new float[Values.Length];
        for (int r = 0; r < Rows; r++)
            for (int p = RowStart[r]; p < RowStart[r + 1]; p++)
            {
                int at = next[Columns[p]]++;
                cols[at] = r;
                vals[at] = Values[p];
            }
        return new SparseMatrix(Cols, Rows, start, cols, vals);
    }

    /// <summary>Cosine of two L2-normalised rows (their dot product).</summary>
    public float Dot(int a, int b)
    {
        var ca = RowColumns(a); var cb = RowColumns(b);
        var va = RowValues(a); var vb = RowValues(b);
        float sum = 0;
        for (int i = 0, j = 0; i < ca.Length && j < cb.Length;)
        {
            if (ca[i] == cb[j]) sum += va[i++] * vb[j++];
            else if (ca[i] < cb[j]) i++;
            else j++;
        }
        return sum;
    }
}

/// <summary>TF-IDF document vectors: sublinear tf, smoothed idf, document-frequency limits, L2-normalised rows.</summary>
internal sealed class TfIdf
{
    /// <summary>Documents × terms, every non-empty row of unit length.</summary>
    public required SparseMatrix Matrix { get; init; }
    /// <summary>Column id → term, in ordinal order (so ids never depend on document order or hashing).</summary>
    public required string[] Terms { get; init; }

    public static TfIdf Fit(IReadOnlyList<string> documents, TextFeatureOptions options)
    {
        int n = documents.Count;
        var (table, rowStart, ids, counts) = Count(documents, options.Stem);

        int minDf = options.MinDocuments ?? (n < 10 ? 1 : 2);
        double maxDf = n < 10 ? n : options.MaxDocumentFraction * n;
        var df = new int[table.Count];
        foreach (int id in ids) df[id]++;

        // Kept terms get new ids in ordinal order of their text.
        var kept = Enumerable.Range(0, table.Count).Where(t => df[t] >= minDf && df[t] <= maxDf)
            .OrderBy(t => table[t], StringComparer.Ordinal).ToArray();
        var newId = new int[table.Count];
        Array.Fill(newId, -1);
        for (int i = 0; i < kept.Length; i++) newId[kept[i]] = i;
        var idf = kept.Select(t => (float)(Math.Log((1.0 + n) / (1.0 + df[t])) + 1.0)).ToArray();

        var start = new int[n + 1];
        var cols = new List<int>(ids.Length);
        var vals = new List<float>(ids.Length);
        var row = new List<(int Col, float Val)>();
        for (int d = 0; d < n; d++)
        {
            row.Clear();
            for (int p = rowStart[d]; p < rowStart[d + 1]; p++)
            {
                int c = newId[ids[p]];
                if (c < 0) continue;
                float tf = options.SublinearTf ? 1f + MathF.Log(counts[p]) : counts[p];
                row.Add((c, tf * idf[c]));
            }
            row.Sort((a, b) => a.Col.CompareTo(b.Col));
            double norm = Math.Sqrt(row.Sum(x => (double)x.Val * x.Val));
            foreach (var (c, v) in row)
            {
                cols.Add(c);
                vals.Add((float)(v / norm));
            }
            start[d + 1] = cols.Count;
        }
        return new TfIdf
        {
            Matrix = new SparseMatrix(n, kept.Length, start, cols.ToArray(), vals.ToArray()),
            Terms = kept.Select(t => table[t]).ToArray(),
        };
    }

    /// <summary>Term counts per document as (term id, count) runs in one flat array.</summary>
    private static (TokenTable Table, int[] RowStart, int[] Ids, int[] Counts) Count(IReadOnlyList<string> documents, bool stem)
    {
        var table = new TokenTable();
        var rowStart = new int[documents.Count + 1];
        var ids = new List<int>();
        var counts = new List<int>();
        var tokens = new List<int>();
        TokenSink sink = t => tokens.Add(table.GetOrAdd(t));
        for (int d = 0; d < documents.Count; d++)
        {
            tokens.Clear();
            Tokenizer.Tokenize(documents[d], stem, sink);
            tokens.Sort();
            for (int i = 0; i < tokens.Count;)
            {
                int j = i;
                while (j < tokens.Count && tokens[j] == tokens[i]) j++;
                ids.Add(tokens[i]);
                counts.Add(j - i);
                i = j;
            }
            rowStart[d + 1] = ids.Count;
        }
        return (table, rowStart, ids.ToArray(), counts.ToArray());
    }
}
