
namespace Analysis;

/// <summary>
/// Rule-based named-entity recognizer for one article. A name is a run of capitalized words joined by spaces
/// (with "of", "bin", "al-…" inside). Each run is split and typed by, in order: the gazetteer, a title word
/// before a name ("Prime Minister Benjamin Netanyahu" → person "Benjamin Netanyahu"), organization, place and
/// event suffixes, a role word before it ("spokesman Matthew Miller"), a known given name, a speech verb after
/// it ("Herzog said"), and finally a 2–4 word capitalized sequence (a person). Single unknown words are kept
/// only when they are the surname or given name of a person named in full in the same article.
/// </summary>
internal sealed class EntityRecognizer(Gazetteer gazetteer)
{
    /// <summary>Capitalized words that are never names by themselves (sentence openers, months, weekdays).</summary>
    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "however", "while", "this", "that", "these",
        "those", "it", "its", "he", "she", "they", "we", "i", "his", "her", "their", "our", "as", "after", "before",
        "with", "without", "from", "to", "of", "by", "some", "many", "most", "other", "unlike", "meanwhile", "yet",
        "over", "under", "despite", "during", "since", "if", "when", "where", "what", "who", "why", "how", "there",
        "here", "now", "then", "one", "two", "three", "just", "nevertheless", "regarding", "according", "so", "also",
        "all", "both", "each", "every", "more", "no", "not", "only", "such", "than", "too", "very", "can", "will",
        "would", "should", "could", "might", "must", "last", "next", "first", "second", "earlier", "later",
        "today", "yesterday", "tomorrow", "upon", "about", "among", "amid", "against", "between", "through", "until",
        "already", "still", "even", "instead", "although", "though", "because", "following", "several", "another",
        "my", "your", "you", "me", "us", "him", "them", "do", "does", "did", "is", "are", "was", "were", "be", "been",
        "has", "have", "had", "let", "please", "yes", "thanks", "thank", "hello", "well", "oh", "read", "more",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "skip", "related", "subscribe", "share", "advertisement", "photo", "video", "watch", "click", "sign",
        // Capitalized at a sentence start before a name: "Former President …", "Seven Capitol Police officers …".
        "former", "ex", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "dozens",
        "hundreds", "thousands", "millions",
    };

    private static readonly HashSet<string> Directions = new(StringComparer.Ordinal)
        { "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower" };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
        { "of", "bin", "ibn", "bint", "al", "el", "de", "da", "du", "van", "von", "der", "den", "la", "le", "di" };

    private readonly List<Word> _words = new();
    private readonly List<string?> _wordText = new();
    private readonly List<Found> _found = new();
    private readonly List<Found> _pending = new();
    private readonly List<LoneName> _lone = new();
    /// <summary>Words and names as strings, shared across the articles this recognizer reads.</summary>
    private readonly WordTable _strings = new();
    private string _text = "";

    /// <summary>The names this recognizer reads with.</summary>
    public Gazetteer Gazetteer => gazetteer;
    private bool _roleOpener;

    /// <summary>A single word no rule could type in its article (see <see cref="LoneNames"/>): span and sentence (the word is read from the text only if needed, so no string is kept alive).</summary>
    internal readonly record struct LoneName(int Start, int End, int Sentence);

    /// <summary>A recognized span before canonical names are assigned.</summary>
    private readonly record struct Found(int Start, int End, EntityKind Kind, string Name, string Canonical, string Rule, int Sentence,
        string? Title = null, string? Place = null);

    /// <summary>
    /// Single capitalized words of the last article read that no rule could type there ("The Veltman administration",
    /// "For months, Veltman …" in an article that never writes the full name): candidates the corpus-wide merge keeps
    /// as persons when the corpus names exactly one person with that surname (<see cref="EntityMerger"/>), else drops.
    /// </summary>
    public List<LoneName> LoneNames => _lone;

    /// <summary>Mentions in <paramref name="article"/>, in text order, with names canonical within the article.</summary>
    public List<EntityMention> Recognize(Article article)
    {
        _text = article.Text;
        _found.Clear();
        _pending.Clear();
        _lone.Clear();
        _orgByFirst = null;
        foreach (var s in article.Sentences)
        {
            if (IsHeading(s)) continue;
            Words.Scan(_text, s.Start, s.End, _words);
            _wordText.Clear();
            for (int i = 0; i < _words.Count; i++)
            {
                if (!IsNameWord(_words[i])) continue;
                int j = i + 1;
                while (j < _words.Count && _words[j].Joined && !_words[j - 1].Closed)
                {
                    if (IsNameWord(_words[j])) { j++; continue; }
                    if (j + 1 < _words.Count && IsConnector(j) && _words[j + 1].Joined && IsNameWord(_words[j + 1])) { j += 2; continue; }
                    if (j + 1 < _words.Count && _words[j + 1].Joined && IsNameWord(_words[j + 1]) && ConjunctionInName(i, j)) { j += 2; continue; }
                    break;
                }
                if (j - i is 2 or 1 && NicknameEnd(i, j) is var k and > 0)
                {
                    var name = Span(i, j) + " " + Span(j + 1, k);
                    _found.Add(new Found(_words[i].Start, _words[k - 1].End, EntityKind.Person, name, name, "nickname", s.Index));
                    i = k - 1;
                    continue;
                }
                Run(i, j, s.Index);
                i = j - 1;
            }
        }
        return Resolve(article);
    }

    /// <summary>
    /// "Tomasz “Tom” Brel": a given name, a nickname in quotation marks, the surname. Returns the end of the surname
    /// (words [i, j) are the given names, word j the nickname), or -1. The person's name leaves the nickname out.
    /// </summary>
    private int NicknameEnd(int i, int j)
    {
        if (j + 1 >= _words.Count) return -1;
        // The marks first: they rule out nearly every run without making a word's string.
        int gapBefore = _words[j].Start - _words[j - 1].End, gapAfter = _words[j + 1].Start - _words[j].End;
        if (gapBefore != 2 || gapAfter != 2 || _text[_words[j - 1].End] != ' ' || !IsOpeningQuote(_text[_words[j].Start - 1])
            || !IsClosingQuote(_text[_words[j].End]) || _text[_words[j + 1].Start - 1] != ' ') return -1;
        if (!IsPlainTitlecase(W(j)) || !IsPlainTitlecase(W(j + 1)) || !IsNameCase(i, j)) return -1;
        if (Gaz(i, j).Entry is not null || IsStop(i)) return -1;
        int k = j + 2;
        while (k < _words.Count && _words[k].Joined && !_words[k - 1].Closed && IsNameWord(_words[k])) k++;
        return k - (j + 1) <= 2 ? k : -1;
    }

    /// <summary>
    /// "and", "&amp;" or "for" at word <paramref name="j"/> inside one organization's name rather than between two names:
    /// "&amp;" always ("Marks &amp; Spencer"); "for" after an organization word ("Office for Budget Review", "Centers for …");
    /// "and" when the words after it end with an organization word and the word before it is a common English word
    /// ("Food and Drug Administration", "Health and Human Services"), not a name of its own ("Barclays and Lloyds Bank");
    /// any of them when the gazetteer knows the longer name ("Bosnia and Herzegovina").
    /// </summary>
    private bool ConjunctionInName(int i, int j)
    {
        var w = W(j);
        if (w is not ("and" or "&" or "for")) return false;
        if (w == "&") return true;
        int k = j + 1;
        while (k < _words.Count && _words[k].Joined && !_words[k - 1].Closed && IsNameWord(_words[k])) k++;
        if (Gaz(i, k) is (var n, not null) && i + n > j) return true;
        if (w == "for") return gazetteer.OrgSuffixes.Contains(W(j - 1));
        return gazetteer.OrgSuffixes.Contains(W(k - 1)) && !gazetteer.OrgSuffixes.Contains(W(j - 1))
            && Gaz(j - 1, j).Entry is null && WordFrequencies.English.Frequency(Lower(W(j - 1))) >= CommonWord;
    }

    /// <summary>An all-capitals line ("SIRENS IN TEL AVIV"): capitalization says nothing there, so it is skipped.</summary>
    private bool IsHeading(Sentence s)
    {
        int letters = 0, upper = 0;
        for (int i = s.Start; i < s.End; i++)
        {
            char c = _text[i];
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
            // Settled once the lowercase letters are more than a fifth of all the sentence could hold (most sentences, early).
            else if ((letters - upper) * 5 > letters + (s.End - i - 1)) return false;
        }
        return letters >= 6 && upper * 10 >= letters * 8;
    }

    /// <summary>Word <paramref name="i"/> of the current sentence as a string, made once (the rules ask for a word many times).</summary>
    private string W(int i)
    {
        if (_wordText.Count != _words.Count)
        {
            _wordText.Clear();
            for (int k = 0; k < _words.Count; k++) _wordText.Add(null);
        }
        return _wordText[i] ??= _strings.Get(_text.AsSpan(_words[i].Start, _words[i].Length));
    }

    /// <summary><paramref name="w"/> in lower case (invariant), from the word table: the lexicons' look-ups ask for it many times.</summary>
    private string Lower(string w)
    {
        if (w.Length > 64) return w.ToLowerInvariant();
        Span<char> lower = stackalloc char[w.Length];
        w.AsSpan().ToLowerInvariant(lower);
        return lower.SequenceEqual(w) ? w : _strings.Get(lower);
    }

    private bool IsNameWord(Word w)
    {
        if (char.IsUpper(_text[w.Start])) return true;
        // Lowercase particle joined to a capitalized part: "al-Thani". (A loop: words are short, and this runs for every word.)
        int dash = w.Start;
        while (dash < w.End && _text[dash] != '-') dash++;
        return dash > w.Start && dash + 1 < w.End && char.IsUpper(_text[dash + 1]);
    }

    /// <summary>A common word capitalized by position ("The", "However"), not an acronym ("US" is not "us").</summary>
    private bool IsStop(int i) => Stop.Contains(W(i)) && !Words.IsAllCaps(_text.AsSpan(_words[i].Start, _words[i].Length));

    private bool IsConnector(int i) => char.IsLower(_text[_words[i].Start]) && Connectors.Contains(W(i));

    private string Span(int a, int b)
    {
        var s = _text.AsSpan(_words[a].Start, _words[b - 1].End - _words[a].Start);
        return s.IndexOf("  ") >= 0 || s.Contains('\u00A0') ? string.Join(' ', s.ToString().Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)) : _strings.Get(s);
    }

    private void Emit(int a, int b, EntityKind kind, string rule, int sentence, string? canonical = null)
    {
        var name = Span(a, b);
        canonical ??= gazetteer.Find(name) is { } known && known.Kind == kind ? known.Canonical : name;
        _found.Add(new Found(_words[a].Start, _words[b - 1].End, kind, name, canonical, rule, sentence));
    }

    /// <summary>Longest gazetteer name starting at word <paramref name="a"/> and ending before <paramref name="b"/>.</summary>
    private (int Length, GazetteerEntry? Entry) Gaz(int a, int b)
    {
        int most = gazetteer.WordsFrom(W(a));
        if (most == 0) return (0, null);
        for (int n = Math.Min(most, b - a); n >= 1; n--)
            if (gazetteer.Find(Span(a, a + n)) is { } e) return (n, e);
        return (0, null);
    }

    private void Run(int a, int b, int sentence)
    {
        // "Dawn & Dusk" standing alone between quotation marks is the title of a show, book or film, not an entity.
        if (b - a >= 2 && IsQuoted(a, b)) return;
        if (Gaz(a, b) is (var all, { } known) && all == b - a) { Emit(a, b, known.Kind, "gazetteer", sentence, known.Canonical); return; }
        if (b - a == 1 && KnownParts(a, sentence)) return;
        // Capitalized function words ("The", "In") and weekday/month names at either end are not part of a name.
        while (a < b && (IsStop(a) || IsConnector(a))) a++;
        while (b > a && (IsStop(b - 1) || IsConnector(b - 1))) b--;
        if (a >= b) return;
        // "Striker Thierry Henry", "Actress Kate Winslet": a role word capitalized only because it opens the sentence.
        _roleOpener = b - a >= 2 && _words[a].Initial && !gazetteer.TitleHeads.Contains(W(a)) && gazetteer.RoleWords.Contains(Lower(W(a)));
        if (_roleOpener) a++;
        if (Gaz(a, b) is (var n, { } whole) && n == b - a) { Emit(a, b, whole.Kind, "gazetteer", sentence, whole.Canonical); return; }
        if (TitleSplit(a, b, sentence)) return;
        int pos = a;
        while (pos < b)
        {
            var (len, entry) = Gaz(pos, b);
            if (entry is null) break;
            int next = pos + len;
            // A nationality before a name is its own mention ("Briton Tim Abeyie"); other known names must be followed by known names.
            if (next < b && entry.Kind != EntityKind.Group && Gaz(next, b).Entry is null) break;
            Emit(pos, next, entry.Kind, "gazetteer", sentence, entry.Canonical);
            pos = next;
        }
        if (pos < b) Classify(pos, b, sentence);
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '“' or '‘' or '\'';
    private static bool IsClosingQuote(char c) => c is '"' or '”' or '’' or '\'';

    /// <summary>Words [a, b) fill a quotation: an opening mark right before, a closing mark right after (a comma or period may come first).</summary>
    private bool IsQuoted(int a, int b)
    {
        int s = _words[a].Start, e = _words[b - 1].End;
        if (s == 0 || !IsOpeningQuote(_text[s - 1])) return false;
        if (e < _text.Length && _text[e] is ',' or '.' or '?' or '!') e++;
        return e < _text.Length && IsClosingQuote(_text[e]);
    }

    /// <summary>
    /// One word that is not a name itself but is made of known names: "Ardania-Velmont" (hyphenated places, as in a
    /// border or a summit) gives each part; "LONDON" (a dateline in capitals) gives the place. Emits them and says so.
    /// </summary>
    private bool KnownParts(int a, int sentence)
    {
        var w = W(a);
        int start = _words[a].Start;
        if (w.Contains('-'))
        {
            int from = 0, count = _found.Count;
            foreach (var part in w.Split('-'))
            {
                if (gazetteer.Find(part) is not { Kind: not EntityKind.Person } e)
                {
                    _found.RemoveRange(count, _found.Count - count);
                    return false;
                }
                _found.Add(new Found(start + from, start + from + part.Length, e.Kind, part, e.Canonical, "gazetteer", sentence));
                from += part.Length + 1;
            }
            return true;
        }
        if (w.Length >= 4 && Words.IsAllCaps(w) && gazetteer.Find(char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()) is { Kind: EntityKind.Place } place)
        {
            _found.Add(new Found(start, _words[a].End, EntityKind.Place, w, place.Canonical, "gazetteer", sentence));
            return true;
        }
        return false;
    }

    /// <summary>"US Secretary of State Antony Blinken": the last title word with a name after it splits the run.</summary>
    private bool TitleSplit(int a, int b, int sentence)
    {
        for (int t = b - 2; t >= a; t--)
        {
            if (!gazetteer.TitleHeads.Contains(W(t))) continue;
            // "Lt Col Ann Reyes": title words in a row are one title.
            int h = t;
            while (h > a && gazetteer.TitleHeads.Contains(W(h - 1))) h--;
            int n = t + 1;
            if (W(n) == "of") n += 2;
            if (n >= b || IsConnector(n) || gazetteer.TitleHeads.Contains(W(n))) continue;
            var last = W(b - 1);
            if (gazetteer.OrgSuffixes.Contains(last) || gazetteer.PlaceSuffixes.Contains(last) || gazetteer.EventSuffixes.Contains(last)) return false;
            // "Mr Irish", "Ms. Jordan": after an honorific a known place or group word is a surname.
            if (!Honorifics.Contains(W(t)) && Gaz(n, b) is (var len, { } e) && len == b - n && e.Kind != EntityKind.Person) return false;
            // "Arkansas Gov. Asa Hutchinson": one unknown Titlecase word before a title is the place the title is of.
            string? place = null;
            // A common word there is part of the title instead ("Press Secretary", "Deputy").
            if (h - a == 1 && Gaz(a, h).Entry is null && IsPlainTitlecase(W(a)) && !gazetteer.TitleHeads.Contains(W(a))
                && WordFrequencies.English.Frequency(Lower(W(a))) < CommonWord)
            {
                Emit(a, h, EntityKind.Place, "place_before_title", sentence);
                place = W(a);
            }
            // "Harwick County District Court Judge …", "Penmore County Mayor …": an organization or place named before the title.
            else if (h - a >= 2 && Gaz(a, h).Entry is null && gazetteer.OrgSuffixes.Contains(W(h - 1)) && IsNameCase(a, h))
                Emit(a, h, EntityKind.Organization, "org_suffix", sentence);
            else if (h - a >= 2 && Gaz(a, h).Entry is null && gazetteer.PlaceSuffixes.Contains(W(h - 1)) && IsNameCase(a, h))
            {
                Emit(a, h, EntityKind.Place, "place_suffix", sentence);
                place = _found[^1].Name;
            }
            else
            {
                EmitKnown(a, h, sentence);
                if (h > a && Gaz(a, h) is (var pl, { Kind: EntityKind.Place } pe) && pl == h - a) place = pe.Canonical;
            }
            // "Rep. Ada Lusk of Ohio": the place the titled person is of is its own mention, not part of the name.
            int end = b, of = OfPlace(n, b);
            if (of > 0) end = of;
            Emit(n, end, EntityKind.Person, "title", sentence);
            _found[^1] = _found[^1] with { Title = _text[_words[h].Start.._words[n - 1].End], Place = place };
            if (of > 0) EmitKnown(of + 1, b, sentence);
            return true;
        }
        return false;
    }

    /// <summary>The index of "of" when words [a, b) are a two- or three-word name, "of" and a known place; else -1.</summary>
    private int OfPlace(int a, int b)
    {
        for (int of = a + 2; of <= a + 3 && of < b - 1; of++)
            if (W(of) == "of" && Gaz(of + 1, b) is (var n, { Kind: EntityKind.Place }) && n == b - of - 1) return of;
        return -1;
    }

    /// <summary>Emits only the gazetteer names found inside words [a, b).</summary>
    private void EmitKnown(int a, int b, int sentence)
    {
        for (int p = a; p < b;)
        {
            var (len, g) = Gaz(p, b);
            if (g is null) { p++; continue; }
            Emit(p, p + len, g.Kind, "gazetteer", sentence, g.Canonical);
            p += len;
        }
    }

    private void Classify(int a, int b, int sentence)
    {
        // "Paging Amos Hochstein": a sentence opener glued to a name.
        if (_words[a].Initial && b - a >= 3 && W(a).EndsWith("ing", StringComparison.Ordinal) && gazetteer.GivenNames.Contains(W(a + 1))) a++;
        // "(D-N.Y.)", "(R-Ky.)": a party and state tag, no name.
        if (b - a == 1 && PartyTag(W(a))) return;
        // "… of the House Nancy Pelosi": an organization word glued before a personal name is not part of it.
        if (b - a >= 3 && (gazetteer.OrgSuffixes.Contains(W(a)) || gazetteer.Find(W(a)) is { Kind: EntityKind.Organization })
            && IsNameCase(a + 1, b) && !IsCommonPhrase(a + 1, b)) a++;
        // "Guy Mansfield QC", "Ann Lee MP": a post-nominal after a given name and surname is no part of the name.
        if (b - a >= 3 && PostNominals.Contains(W(b - 1)) && gazetteer.GivenNames.Contains(W(a)) && IsNameCase(a, b - 1)) b--;
        // "Penrose & Gale": an ampersand joins the names of a firm.
        for (int k = a + 1; k < b - 1; k++)
            if (W(k) == "&") { Emit(a, b, EntityKind.Organization, "ampersand", sentence); return; }
        int n = b - a;
        var last = W(b - 1);
        var first = W(a);
        int of = -1;
        for (int k = a; k < b && of < 0; k++) if (W(k) is "of" or "for") of = k;
        if (of >= 0)
        {
            // "International Court of Justice", "Bank of England", "Office for Budget Review": an organization word before "of" or "for" names the whole.
            for (int k = a; k < of; k++)
                if (gazetteer.OrgSuffixes.Contains(W(k))) { Emit(a, b, EntityKind.Organization, "org_suffix", sentence); return; }
            // "Nancy Pelosi of California": a personal name, then the place it is of.
            if (W(of) == "of" && of - a is 2 or 3 && of + 1 < b && Gaz(of + 1, b) is (var pl, { Kind: EntityKind.Place }) && pl == b - of - 1
                && IsNameCase(a, of) && (!IsCommonPhrase(a, of) || gazetteer.GivenNames.Contains(first)) && Gaz(a, of).Entry is null)
            {
                Emit(a, of, EntityKind.Person, "name_of_place", sentence);
                EmitKnown(of + 1, b, sentence);
                return;
            }
            // Otherwise only the known names inside count ("Archbishop of Canterbury" → Canterbury).
            EmitKnown(a, b, sentence);
            return;
        }
        // A place word at the end names a place even after an organization word ("… International Airport").
        if (n > 1 && gazetteer.PlaceSuffixes.Contains(last) && !gazetteer.OrgSuffixes.Contains(last)) { Emit(a, b, EntityKind.Place, "place_suffix", sentence); return; }
        for (int k = b - 1; k > a; k--)
            if (gazetteer.OrgSuffixes.Contains(W(k))) { Emit(a, k + 1, EntityKind.Organization, "org_suffix", sentence); return; }
        if (n > 1 && Directions.Contains(first)) { Emit(a, b, EntityKind.Place, "place_prefix", sentence); return; }
        if (gazetteer.EventSuffixes.Contains(last) || gazetteer.TitleHeads.Contains(last)) return;
        bool role = _roleOpener || a > 0 && !_words[a].Initial && _words[a].Joined && char.IsLower(_text[_words[a - 1].Start]) && gazetteer.RoleWords.Contains(W(a - 1));
        // A name glued to a known organization or place ("Hezbollah Military Media") is not a person's name, unless a
        // role word or a given name says it is ("forward Milan Baros", "Oliver Irish": a surname that is also a word).
        bool cue = b < _words.Count && _words[b].Joined && !_words[b - 1].Closed && gazetteer.SpeechVerbs.Contains(W(b));
        // "Barbara Roche said": a given name and one word the gazetteer knows as a firm, then a speech verb, is a person
        // (firms do not take given names); without the verb the known organization stays ("Hezbollah Military Media").
        bool personal = n is 2 or 3 && IsNameCase(a, b) && (role || gazetteer.GivenNames.Contains(first))
            && (gazetteer.Find(last) is not { Kind: EntityKind.Organization } || n == 2 && cue && gazetteer.GivenNames.Contains(first));
        for (int k = a; k < b && !personal; k++)
            if (gazetteer.Find(W(k)) is { Kind: not EntityKind.Person })
            {
                EmitKnown(a, b, sentence);
                return;
            }
        if (n == 1)
        {
            var span = _text.AsSpan(_words[a].Start, _words[a].Length);
            if (Words.IsAllCaps(span) && span.Length <= 6)
            {
                // "H.B. 12", "F 35": an acronym followed by a number designates a bill or a model, not an organization.
                int after = _words[a].End;
                bool numbered = after + 1 < _text.Length && _text[after] == ' ' && char.IsDigit(_text[after + 1]);
                if (!gazetteer.CommonAcronyms.Contains(first) && !numbered) Emit(a, b, EntityKind.Organization, "acronym", sentence);
            }
            else if (role) Emit(a, b, EntityKind.Person, "role_word", sentence);
            // "Herzog said" names a speaker; "Analysts said" does not (a known English word).
            else if (cue && WordFrequencies.English.Frequency(Lower(first)) < RareWord) Emit(a, b, EntityKind.Person, "speech_verb", sentence);
            else _pending.Add(new Found(_words[a].Start, _words[a].End, AfterPlacePreposition(a) ? EntityKind.Place : EntityKind.Person,
                first, first, _words[a].Initial ? InitialShortName : "short_name", sentence));
            return;
        }
        if (role) Emit(a, b, EntityKind.Person, "role_word", sentence);
        else if (gazetteer.GivenNames.Contains(first)) Emit(a, b, EntityKind.Person, "given_name", sentence);
        else if (n <= 4 && IsNameCase(a, b) && !IsCommonPhrase(a, b)) Emit(a, b, EntityKind.Person, "name_sequence", sentence);
    }

    /// <summary>
    /// "Six Nations", "Grand Slam", "Million Dollar Baby": every word a common English word, so a title, team or
    /// event rather than a personal name (names mix in at least one rare word: "Tony Blair", "Wayne Rooney").
    /// Frequencies: the loader's English lexicon (SUBTLEX-US subtitles, where given names occur too).
    /// </summary>
    private bool IsCommonPhrase(int a, int b)
    {
        for (int k = a; k < b; k++)
            if (!IsConnector(k) && WordFrequencies.English.Frequency(Lower(W(k))) < CommonWord) return false;
        return true;
    }

    private const long CommonWord = 200, RareWord = 20;

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady" };

    /// <summary>"D-N", "R-S", "D-CA": a party letter, a hyphen and a state abbreviation.</summary>
    private static bool PartyTag(string w) =>
        w.Length is >= 3 and <= 5 && w[0] is 'D' or 'R' or 'I' && w[1] == '-' && w.Skip(2).All(char.IsUpper);

    /// <summary>Letters written after a name for an office or honour (British usage): "QC", "MP", "OBE".</summary>
    private static readonly HashSet<string> PostNominals = new(StringComparer.Ordinal) { "QC", "KC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE" };

    /// <summary>Name suffixes that are not a surname: "Roger J. Stone Jr." is a Stone.</summary>
    private static readonly HashSet<string> NameSuffixes = new(StringComparer.Ordinal) { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV" };

    /// <summary>Where the words of a personal name start and end, without its suffix (into <see cref="_parts"/>, as <c>Split(' ')</c> cuts them).</summary>
    private void NameParts(string name)
    {
        _parts.Clear();
        for (int from = 0; ;)
        {
            int space = name.IndexOf(' ', from);
            _parts.Add((from, space < 0 ? name.Length : space));
            if (space < 0) break;
            from = space + 1;
        }
        if (_parts.Count > 2 && NameSuffixes.Contains(Part(name, _parts.Count - 1))) _parts.RemoveAt(_parts.Count - 1);
    }

    /// <summary>Word <paramref name="k"/> of the name <see cref="NameParts"/> cut last.</summary>
    private string Part(string name, int k) => _strings.Get(name.AsSpan(_parts[k].Start, _parts[k].End - _parts[k].Start));

    private readonly List<(int Start, int End)> _parts = new();

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
        { "in", "near", "outside", "across", "around", "from", "at" };

    /// <summary>The word before word <paramref name="a"/> is a preposition of place, joined to it by spaces.</summary>
    private bool AfterPlacePreposition(int a) =>
        a > 0 && _words[a].Joined && !_words[a - 1].Closed && PlacePrepositions.Contains(W(a - 1)) && IsPlainTitlecase(W(a));

    /// <summary>"Basra", not "MPs", "U2", "mid-November" or "WorldCom".</summary>
    private static bool IsPlainTitlecase(string w)
    {
        if (w.Length < 3 || !char.IsUpper(w[0])) return false;
        for (int i = 1; i < w.Length; i++)
            if (!char.IsLower(w[i])) return false;
        return true;
    }

    /// <summary>Every word Titlecase (not all capitals), as personal names are written.</summary>
    private bool IsNameCase(int a, int b)
    {
        for (int k = a; k < b; k++)
        {
            var w = _words[k];
            if (IsConnector(k)) continue;
            if (Words.IsAllCaps(_text.AsSpan(w.Start, w.Length)) || w.Length < 2) return false;
        }
        return true;
    }

    /// <summary>"Nancy Pelosi of California": the place named right after a person with "of".</summary>
    private string? PlaceAfter(int end)
    {
        if (end + 4 > _text.Length || string.CompareOrdinal(_text, end, " of ", 0, 4) != 0) return null;
        // _found is sorted by start here: binary search keeps this logarithmic per person.
        int lo = 0, hi = _found.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_found[mid].Start < end + 4) lo = mid + 1; else hi = mid;
        }
        return lo < _found.Count && _found[lo].Start == end + 4 && _found[lo].Kind == EntityKind.Place ? _found[lo].Canonical : null;
    }

    /// <summary>
    /// An acronym takes the canonical name of the organization it abbreviates in the same article: the one written
    /// just before it in parentheses ("British Chamber of Commerce (BCC)"), else the one whose capitalized words'
    /// initials spell it ("Department of Homeland Security" … "DHS"), when exactly one does.
    /// </summary>
    private void ExpandAcronyms()
    {
        Dictionary<string, string>? expansions = null;
        for (int i = 0; i < _found.Count; i++)
        {
            var f = _found[i];
            // Known acronyms keep the gazetteer's canonical name ("WTO"), whatever spelling the article uses.
            if (f.Rule != "acronym" || !Words.IsAllCaps(f.Name) || f.Name.Length is < 2 or > 6) continue;
            expansions ??= Expansions();
            if (expansions.TryGetValue(f.Name, out var full)) _found[i] = f with { Canonical = full };
        }
    }

    private Dictionary<string, string> Expansions()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var clash = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _found.Count; i++)
        {
            var f = _found[i];
            if (f.Kind != EntityKind.Organization || !f.Name.Contains(' ')) continue;
            // "… (BCC)": the parenthesized acronym right after the name is its abbreviation, whatever its letters.
            if (i + 1 < _found.Count && _found[i + 1] is var next && next.Start == f.End + 2 && _text[f.End] == ' ' && _text[f.End + 1] == '('
                && next.End < _text.Length && _text[next.End] == ')' && Words.IsAllCaps(next.Name))
            {
                map[next.Name] = f.Canonical;
                clash.Remove(next.Name);
                continue;
            }
            var initials = Initials(f.Name);
            if (initials.Length < 2 || map.TryGetValue(initials, out var had) && had == f.Canonical) continue;
            if (!map.TryAdd(initials, f.Canonical)) clash.Add(initials);
        }
        foreach (var c in clash) map.Remove(c);
        return map;
    }

    /// <summary>"Department of Homeland Security" → "DHS": the first letters of the capitalized words.</summary>
    private static string Initials(string name)
    {
        var sb = new System.Text.StringBuilder(6);
        foreach (var w in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (char.IsUpper(w[0])) sb.Append(w[0]);
        return sb.ToString();
    }

    /// <summary>Gives persons their full name within the article and keeps short names that match one.</summary>
    private List<EntityMention> Resolve(Article article)
    {
        // "Penrose Holdings … Penrose said": a word the speech-verb rule made a person is the organization it begins.
        for (int i = 0; i < _found.Count; i++)
            if (_found[i] is { Kind: EntityKind.Person, Rule: "speech_verb" } f && !f.Name.Contains(' ')
                && OrganizationStartingWith(f.Name) is { } owner)
                _found[i] = f with { Kind = EntityKind.Organization, Canonical = owner, Rule = "organization_short" };
        var byLast = _byLast;
        var byFirst = _byFirst;
        var singles = _singles;
        byLast.Clear();
        byFirst.Clear();
        singles.Clear();
        foreach (var f in _found)
        {
            if (f.Kind != EntityKind.Person) continue;
            NameParts(f.Name);
            int n = _parts.Count;
            if (n == 1) { singles.Add(f.Name); continue; }
            byLast.TryAdd(Part(f.Name, n - 1), f.Name);
            // Two-word surnames ("Debbie Wasserman Schultz" → "Wasserman Schultz", "Daniella Levine Cava" → "Levine Cava").
            if (n >= 3) byLast.TryAdd(_strings.Get(f.Name.AsSpan(_parts[n - 2].Start, _parts[n - 1].End - _parts[n - 2].Start)), f.Name);
            // A given name shared by two people in one article says nothing: remember the clash as null.
            var given = Part(f.Name, 0);
            if (byFirst.TryGetValue(given, out var had) && had != f.Name) byFirst[given] = null;
            else byFirst[given] = f.Name;
        }
        // "Defense Secretary Lloyd Austin … Austin directed": a one-word place or body the gazetteer knows is the
        // surname of a person the article names in full, unless a place preposition says otherwise ("in Austin").
        if (byLast.Count > 0)
            for (int i = 0; i < _found.Count; i++)
                if (_found[i] is { Rule: "gazetteer", Kind: not EntityKind.Person } f && byLast.ContainsKey(f.Name) && !f.Name.Contains(' ')
                    && !AfterPreposition(f.Start))
                    _found[i] = f with { Kind = EntityKind.Person, Canonical = f.Name, Rule = "short_name" };
        foreach (var p in _pending)
        {
            if (byLast.ContainsKey(p.Name) || byFirst.GetValueOrDefault(p.Name) is not null || singles.Contains(p.Name))
                _found.Add(p with { Kind = EntityKind.Person, Rule = "short_name" });
            // "Penrose Holdings … Penrose said": the first word of an organization named in the article stands for it.
            else if (OrganizationStartingWith(p.Name) is { } org)
                _found.Add(p with { Kind = EntityKind.Organization, Canonical = org, Rule = "organization_short" });
            // "in Basra", "near Khartoum": an unknown rare word after a place preposition names a place.
            else if (p.Kind == EntityKind.Place && WordFrequencies.English.Frequency(Lower(p.Name)) < RareWord)
                _found.Add(p with { Rule = "place_preposition" });
            // Left for the corpus: a word capitalized mid-sentence, or a rare one opening it, may be a surname the corpus gives in full.
            else if (p.Rule != InitialShortName || WordFrequencies.English.Frequency(Lower(p.Name)) < CommonWord)
                _lone.Add(new LoneName(p.Start, p.End, p.Sentence));
        }
        _found.Sort((x, y) => x.Start.CompareTo(y.Start));
        ExpandAcronyms();

        var result = new List<EntityMention>(_found.Count);
        foreach (var f in _found)
        {
            var canonical = f.Canonical;
            if (f.Kind == EntityKind.Person && !f.Name.Contains(' '))
                canonical = byLast.GetValueOrDefault(f.Name) ?? byFirst.GetValueOrDefault(f.Name) ?? f.Name;
            else if (f.Kind == EntityKind.Person && byLast.TryGetValue(f.Name, out var longer) && longer.Length > f.Name.Length)
                canonical = longer;
            result.Add(ToMention(article, f, canonical, f.Place ?? (f.Kind == EntityKind.Person ? PlaceAfter(f.End) : null)));
        }
        return result;
    }

    private const string InitialShortName = "short_name_initial";

    /// <summary>A preposition of place or direction, "and" or "the" is the word before <paramref name="start"/> ("in Austin", "the Jordan").</summary>
    private bool AfterPreposition(int start)
    {
        int e = start - 1;
        while (e >= 0 && _text[e] == ' ') e--;
        int s = e;
        while (s >= 0 && char.IsLetter(_text[s])) s--;
        if (e <= s) return false;
        var w = _text[(s + 1)..(e + 1)];
        return PlacePrepositions.Contains(w) || w is "to" or "of" or "into" or "for" or "via" or "and" or "the";
    }

    /// <summary>Resolve's per-article maps, kept with their capacity from article to article.</summary>
    private readonly Dictionary<string, string> _byLast = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _byFirst = new(StringComparer.Ordinal);
    private readonly HashSet<string> _singles = new(StringComparer.Ordinal);

    private EntityMention ToMention(Article article, Found f, string canonical, string? place) =>
        Mention(article, f.Start, f.End, f.Sentence, f.Kind, canonical, f.Rule, f.Title, place, f.Name);

    /// <summary>An entity mention of <paramref name="article"/> with its sentence and the text it covers.</summary>
    /// <param name="written">A string the caller holds that may equal the text covered (the name as read): used instead of a copy when it does.</param>
    internal static EntityMention Mention(Article article, int start, int end, int sentence, EntityKind kind, string canonical, string rule,
        string? title = null, string? place = null, string? written = null)
    {
        var s = article.Sentences[sentence];
        var covered = article.Text.AsSpan(start, end - start);
        var text = written is not null && covered.SequenceEqual(written) ? written : covered.ToString();
        return new EntityMention(article.Id, article.OutletOrId, start, end, s.Index, s.Text, text, kind, canonical, rule)
        {
            Title = title,
            Place = place,
        };
    }

    private Dictionary<string, string?>? _orgByFirst;
    private static readonly Dictionary<string, string?> NoOrganizations = new();

    /// <summary>The canonical name of the one organization of several words in the article that starts with <paramref name="word"/>; null when none or two do.</summary>
    /// <remarks>The first word → organization map is made once per article, on first use (none made for articles without such organizations).</remarks>
    private string? OrganizationStartingWith(string word)
    {
        if (_orgByFirst is null)
        {
            _orgByFirst = NoOrganizations;
            foreach (var f in _found)
            {
                int space = f.Kind == EntityKind.Organization ? f.Name.IndexOf(' ') : -1;
                if (space <= 0) continue;
                if (_orgByFirst == NoOrganizations) _orgByFirst = new Dictionary<string, string?>(StringComparer.Ordinal);
                var head = f.Name[..space];
                _orgByFirst[head] = _orgByFirst.TryGetValue(head, out var had) && had != f.Canonical ? null : f.Canonical;
            }
        }
        return _orgByFirst.GetValueOrDefault(word);
    }
}
