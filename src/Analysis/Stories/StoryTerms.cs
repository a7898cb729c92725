namespace Analysis;

/// <summary>What a story term is; names and figures weigh more than words (see <see cref="StoryOptions"/>).</summary>
internal enum StoryTermKind : byte { Word, Name, Number, Day }

/// <summary>
/// The terms of one article for story grouping, read with the library's one <see cref="Tokenizer"/>: lower-cased
/// stemmed words (stop words dropped), capitalised name runs ("Shelley Moore Capito"), numbers (not years, not
/// under 10) and calendar days mentioned ("10-22", any year).
/// </summary>
internal static class StoryTerms
{
    /// <summary>
    /// Calls <paramref name="sink"/> with each term of the headline (repeated) and the clean text, in order, and the
    /// sentence it stands in (-1: the headline; a mentioned day: the sentence its mention starts in).
    /// </summary>
    public static void Read(AnnotatedArticle annotated, int headlineRepeat, Action<string, StoryTermKind, int> sink)
    {
        var article = annotated.Article;
        if (!string.IsNullOrWhiteSpace(article.Headline) && !article.Text.StartsWith(article.Headline, StringComparison.Ordinal))
        {
            var headline = new List<Token>();
            foreach (var t in Tokenizer.Tokenize(article.Headline)) headline.Add(t);
            for (int r = 0; r < headlineRepeat; r++) Words(article.Headline, headline, sink, names: false);
        }
        Words(article.Text, annotated.Tokens, sink, names: true, article.Sentences);
        foreach (var d in annotated.Dates)
            if (d.Day is int day) sink($"{d.Month:00}-{day:00}", StoryTermKind.Day, Provenance.SentenceNear(article, d.Start)?.Index ?? 0);
    }

    private static void Words(string text, IReadOnlyList<Token> tokens, Action<string, StoryTermKind, int> sink, bool names, IReadOnlyList<Sentence>? sentences = null)
    {
        Span<char> buf = stackalloc char[WordTerms.MaxWordLength];
        var run = new List<string>();
        bool runAtSentenceStart = false, wordSeen = false;
        int sentence = -1, lastEnd = 0, runSentence = -1;
        int Part() => sentences is null ? -1 : Math.Max(0, sentence);
        void EndRun()
        {
            // Titles are not the name: "Prime Minister Benjamin Netanyahu" → "Benjamin Netanyahu".
            int from = 0;
            while (from < run.Count && (TitleHeads.Contains(run[from]) || (from + 1 < run.Count && TitleHeads.Contains(run[from + 1])))) from++;
            // A single capitalised word opening a sentence is usually an ordinary word ("Negotiations took …").
            if (names && run.Count - from > 0 && !(run.Count == 1 && runAtSentenceStart))
                sink(string.Join(' ', run.Skip(from)), StoryTermKind.Name, runSentence);
            run.Clear();
        }
        foreach (var t in tokens)
        {
            var s = t.In(text);
            // Names never run across a line break or a sentence end.
            if (text.AsSpan(lastEnd, t.Start - lastEnd).IndexOfAny('\n', '\r') >= 0) EndRun();
            lastEnd = t.End;
            while (sentences is not null && sentence + 1 < sentences.Count && sentences[sentence + 1].Start <= t.Start)
            {
                sentence++;
                wordSeen = false;
                EndRun();
            }
            bool first = !wordSeen;
            if (t.IsWordLike) wordSeen = true;
            if (t.Kind == TokenKind.Number)
            {
                EndRun();
                if (Number(s) is { } n) sink(n, StoryTermKind.Number, Part());
                continue;
            }
            if (t.Kind != TokenKind.Word || s.Length > WordTerms.MaxWordLength) { EndRun(); continue; }
            int len = WordTerms.Normalize(s, buf);
            var word = buf[..len];
            bool stop = len < 2 || StopWords.Contains(word);
            if (char.IsUpper(s[0]) && !stop)
            {
                if (run.Count == 0) (runAtSentenceStart, runSentence) = (first, Part());
                run.Add(Surface(s));
            }
            else EndRun();
            if (stop) continue;
            var stem = WordTerms.Stem(buf[..len]);
            if (stem.Length >= 2 && !StopWords.Contains(stem)) sink(stem.ToString(), StoryTermKind.Word, Part());
        }
        EndRun();
    }

    private static readonly HashSet<string> TitleHeads = new(Gazetteer.Default.TitleHeads.Append("Prime"), StringComparer.Ordinal);

    /// <summary>A name word as written, without a possessive ending ("Israel’s" → "Israel").</summary>
    private static string Surface(ReadOnlySpan<char> s) =>
        (s.EndsWith("’s") || s.EndsWith("'s") ? s[..^2] : s).ToString();

    /// <summary>
    /// A number as a term ("#60", "#1200"), or null for years (1900–2099) and numbers under 10, which every story has.
    /// A unit suffix stays ("15.8m" → "#15.8m").
    /// </summary>
    internal static string? Number(ReadOnlySpan<char> s)
    {
        Span<char> buf = stackalloc char[Math.Min(s.Length, 32) + 1];
        int len = 0, digits = 0;
        buf[len++] = '#';
        foreach (char c in s)
        {
            if (c == ',') continue;
            if (len == buf.Length) return null;
            if (char.IsDigit(c)) digits++;
            buf[len++] = char.ToLowerInvariant(c);
        }
        var v = buf[1..len];
        if (v.Length == digits && (digits == 1 || (digits == 4 && v[0] is '1' or '2' && v[1] is '9' or '0'))) return null;
        return buf[..len].ToString();
    }
}
