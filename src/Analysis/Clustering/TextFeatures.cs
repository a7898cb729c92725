namespace Analysis;

/// <summary>How article texts become TF-IDF vectors.</summary>
public sealed record TextFeatureOptions
{
    /// <summary>Strip plural and possessive endings so "talks" and "talk" are one term (default true).</summary>
    public bool Stem { get; init; } = true;
    /// <summary>Use 1 + ln(tf) instead of raw counts, so a word repeated ten times does not weigh ten times (default true).</summary>
    public bool SublinearTf { get; init; } = true;
    /// <summary>
    /// Keep terms found in at least this many documents (default 2: a term in one document says nothing about
    /// which documents go together). Corpora of one or two documents always keep every term.
    /// </summary>
    public int MinDocuments { get; init; } = 2;
    /// <summary>
    /// Share of the similarity given to the calendar days each document mentions ("Oct 22"), 0 to 1 (default 0.5):
    /// stories about one event name the same days even when their wording differs. 0 clusters on words alone.
    /// </summary>
    public double DateWeight { get; init; } = 0.5;
    /// <summary>
    /// Share of the similarity given to publication time when articles have <c>Published</c> dates, 0 to 1
    /// (default 0.5): articles published within a week or two of each other share a time window, further apart none.
    /// </summary>
    public double TimeWeight { get; init; } = 0.5;
    /// <summary>
    /// Share of the remaining similarity given to capitalised names (people, places, organisations), 0 to 1
    /// (default 0.3): stories about one event name the same people.
    /// </summary>
    public double EntityWeight { get; init; } = 0.3;
    /// <summary>Drop terms found in more than this fraction of the documents (default 0.9; not applied to one or two documents).</summary>
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

    /// <summary>
    /// <see cref="Dot"/> of <paramref name="row"/> with every row, in one pass over the matrix: the row is spread
    /// into a dense lookup once instead of being merged with each other row, and each sum adds the same products in
    /// the same (ascending column) order, so the values are identical.
    /// </summary>
    public float[] DotWithEveryRow(int row)
    {
        var dense = new float[Cols];
        var present = new bool[Cols];
        var ca = RowColumns(row); var va = RowValues(row);
        for (int i = 0; i < ca.Length; i++) { dense[ca[i]] = va[i]; present[ca[i]] = true; }
        var result = new float[Rows];
        for (int r = 0; r < Rows; r++)
        {
            var cb = RowColumns(r); var vb = RowValues(r);
            float sum = 0;
            for (int j = 0; j < cb.Length; j++)
                if (present[cb[j]]) sum += dense[cb[j]] * vb[j];
            result[r] = sum;
        }
        return result;
    }
}

/// <summary>TF-IDF document vectors: sublinear tf, smoothed idf, document-frequency limits, L2-normalised rows.</summary>
internal sealed class TfIdf
{
    /// <summary>Documents × terms, every non-empty row of unit length.</summary>
    public required SparseMatrix Matrix { get; init; }
    /// <summary>Column id → term, in ordinal order within each block (so ids never depend on document order or hashing).</summary>
    public required string[] Terms { get; init; }
    /// <summary>The first this many columns are words; names and days follow.</summary>
    public required int WordColumns { get; init; }

    /// <summary>
    /// Word features of the texts, plus, when the texts are articles (<paramref name="annotated"/>, in the same
    /// order), the names and calendar days their annotation found (<see cref="TextFeatureOptions.EntityWeight"/>,
    /// <see cref="TextFeatureOptions.DateWeight"/>) and their publication weeks.
    /// </summary>
    public static TfIdf Fit(IReadOnlyList<string> documents, TextFeatureOptions options, IReadOnlyList<EventDay?>? published = null,
        IReadOnlyList<AnnotatedArticle>? annotated = null)
    {
        // Every name and day counts even when one document has it: a person or day no other article mentions is
        // evidence of another event, unlike a rare word. The three blocks are independent: count them side by side.
        var single = options with { MinDocuments = 1 };
        bool entityBlock = options.EntityWeight > 0 && annotated is not null, dateBlock = options.DateWeight > 0 && annotated is not null;
        TfIdf words = null!, entities = null!, dates = null!;
        Parallel.Invoke(
            () => words = Weight(Count(documents, options.Stem), documents.Count, options),
            () => entities = entityBlock ? Weight(Count(documents.Count, d => ArticleMentions.Names(annotated![d])), documents.Count, single) : null!,
            () => dates = dateBlock ? Weight(Count(documents.Count, d => ArticleMentions.Days(annotated![d])), documents.Count, single) : null!);
        var blocks = new List<(TfIdf Block, double Weight)> { (words, 1) };
        if (entityBlock) blocks.Add((entities, options.EntityWeight));
        if (dateBlock) blocks.Add((dates, options.DateWeight));
        if (options.TimeWeight > 0 && published is not null && published.Any(p => p is not null))
            blocks.Add((Weight(Count(documents.Count, d => TimeWindows(published[d])), documents.Count, single), options.TimeWeight));
        return blocks.Count == 1 ? words : Stack(blocks);
    }

    private static TfIdf Weight((TokenTable, int[], List<int>, List<int>) counted, int n, TextFeatureOptions options)
    {
        var (table, rowStart, ids, counts) = counted;

        int minDf = n < 3 ? 1 : options.MinDocuments;
        double maxDf = n < 3 ? n : options.MaxDocumentFraction * n;
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
        int nnz = 0;
        foreach (int id in ids)
            if (newId[id] >= 0) nnz++;
        var cols = new int[nnz];
        var vals = new float[nnz];
        int at = 0;
        var rowCols = new int[64];
        var rowVals = new float[64];
        for (int d = 0; d < n; d++)
        {
            int len = 0;
            for (int p = rowStart[d]; p < rowStart[d + 1]; p++)
            {
                int c = newId[ids[p]];
                if (c < 0) continue;
                if (len == rowCols.Length)
                {
                    Array.Resize(ref rowCols, len * 2);
                    Array.Resize(ref rowVals, len * 2);
                }
                float tf = options.SublinearTf ? 1f + MathF.Log(counts[p]) : counts[p];
                rowCols[len] = c;
                rowVals[len++] = tf * idf[c];
            }
            Array.Sort(rowCols, rowVals, 0, len);
            double norm = 0;
            for (int i = 0; i < len; i++) norm += (double)rowVals[i] * rowVals[i];
            norm = Math.Sqrt(norm);
            for (int i = 0; i < len; i++)
            {
                cols[at] = rowCols[i];
                vals[at++] = (float)(rowVals[i] / norm);
            }
            start[d + 1] = at;
        }
        return new TfIdf
        {
            Matrix = new SparseMatrix(n, kept.Length, start, cols, vals),
            Terms = kept.Select(t => table[t]).ToArray(),
            WordColumns = kept.Length,
        };
    }

    /// <summary>
    /// The event's week and the weeks either side ("week 2024-10-21"), so nearby dates overlap; and the same by week
    /// of the year alone ("week 43 of a year"), which is all an undated article that writes its event day without a
    /// year can share with the others.
    /// </summary>
    private static List<string> TimeWindows(EventDay? eventDay)
    {
        if (eventDay is not { } e) return [];
        int week = (new DateOnly(2000, e.Month, e.Day).DayOfYear - 1) / 7;
        var windows = new[] { -1, 0, 1 }.Select(offset => $"week {(week + offset + 53) % 53} of a year").ToList();
        if (e.Year is int year)
        {
            var day = new DateOnly(year, e.Month, e.Day);
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            windows.AddRange(new[] { -7, 0, 7 }.Select(offset => "week " + monday.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
        return windows;
    }

    /// <summary>
    /// The blocks' columns side by side in one pass. Each later block b with weight w takes share w of the cosine
    /// and the blocks before it keep 1 − w between them: cos = (1 − w_b)·cos_before + w_b·cos_b, applied in order.
    /// A row without terms in a block leaves the others as they are, so every row stays of unit length.
    /// </summary>
    private static TfIdf Stack(List<(TfIdf Block, double Weight)> blocks)
    {
        int rows = blocks[0].Block.Matrix.Rows, nnz = blocks.Sum(b => b.Block.Matrix.Values.Length);
        var offset = new int[blocks.Count];
        for (int b = 1; b < blocks.Count; b++) offset[b] = offset[b - 1] + blocks[b - 1].Block.Matrix.Cols;
        var start = new int[rows + 1];
        var cols = new int[nnz];
        var vals = new float[nnz];
        var scale = new double[blocks.Count];
        int at = 0;
        for (int r = 0; r < rows; r++)
        {
            bool any = false;
            for (int b = 0; b < blocks.Count; b++)
            {
                bool has = blocks[b].Block.Matrix.RowColumns(r).Length > 0;
                scale[b] = has ? (any ? Math.Sqrt(blocks[b].Weight) : 1) : 0;
                if (has && any)
                    for (int e = 0; e < b; e++) scale[e] *= Math.Sqrt(1 - blocks[b].Weight);
                any |= has;
            }
            for (int b = 0; b < blocks.Count; b++)
            {
                var m = blocks[b].Block.Matrix;
                var c = m.RowColumns(r); var v = m.RowValues(r);
                for (int p = 0; p < c.Length; p++, at++)
                {
                    cols[at] = offset[b] + c[p];
                    vals[at] = (float)(v[p] * scale[b]);
                }
            }
            start[r + 1] = at;
        }
        return new TfIdf
        {
            Matrix = new SparseMatrix(rows, offset[^1] + blocks[^1].Block.Matrix.Cols, start, cols, vals),
            Terms = [.. blocks.SelectMany(b => b.Block.Terms)],
            WordColumns = blocks[0].Block.WordColumns,
        };
    }

    /// <summary>Counts of ready-made terms (used as they are), produced one document at a time.</summary>
    private static (TokenTable Table, int[] RowStart, List<int> Ids, List<int> Counts) Count(int documents, Func<int, IEnumerable<string>> terms) =>
        Count(documents, (d, sink) =>
        {
            foreach (var t in terms(d)) sink(t);
        });

    /// <summary>Counts of the tokens of each text.</summary>
    private static (TokenTable Table, int[] RowStart, List<int> Ids, List<int> Counts) Count(IReadOnlyList<string> documents, bool stem) =>
        Count(documents.Count, (d, sink) => WordTerms.Read(documents[d], stem, sink));

    /// <summary>Term counts per document as (term id, count) runs in one flat array.</summary>
    private static (TokenTable Table, int[] RowStart, List<int> Ids, List<int> Counts) Count(int documents, Action<int, TokenSink> tokenize)
    {
        var table = new TokenTable();
        var rowStart = new int[documents + 1];
        var ids = new List<int>();
        var counts = new List<int>();
        var tokens = new List<int>();
        TokenSink sink = t => tokens.Add(table.GetOrAdd(t));
        for (int d = 0; d < documents; d++)
        {
            tokens.Clear();
            tokenize(d, sink);
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
        return (table, rowStart, ids, counts);
    }
}
