
namespace Analysis;

/// <summary>What a <see cref="Token"/> is.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, with inner apostrophes and hyphens ("Israel’s", "al-Mughrabi") or dots of an initialism ("U.S.").</summary>
    Word,
    /// <summary>Digits with inner separators and a unit suffix ("1,200", "15.8m", "11th").</summary>
    Number,
    /// <summary>Currency, percent, @, #, and other symbols.</summary>
    Symbol,
    /// <summary>Any other single non-space character.</summary>
    Punctuation,
}

/// <summary>A token: a span of the tokenized text, no string allocated.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>Offset after the last character.</summary>
    public int End => Start + Length;
    /// <summary>The span as a <see cref="TextSpan"/>.</summary>
    public TextSpan Span => new(Start, End);
    /// <summary>True for words and numbers.</summary>
    public bool IsWordLike => Kind is TokenKind.Word or TokenKind.Number;
    /// <summary>The characters of this token in <paramref name="text"/> (the text the offsets refer to).</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}

/// <summary>
/// A fast tokenizer for clean article text: a struct enumerator over a <see cref="ReadOnlySpan{T}"/> that yields
/// <see cref="Token"/>s without allocating. <c>foreach (var t in Tokenizer.Tokenize(article.Text)) …</c>
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokens of <paramref name="text"/>; offsets are shifted by <paramref name="offset"/>.</summary>
    public static TokenEnumerator Tokenize(ReadOnlySpan<char> text, int offset = 0) => new(text, offset);

    /// <summary>Tokens of the slice <paramref name="span"/> of <paramref name="text"/>, with offsets into <paramref name="text"/>.</summary>
    public static TokenEnumerator Tokenize(string text, TextSpan span) => new(text.AsSpan(span.Start, span.Length), span.Start);

    /// <summary>Tokens of a sentence of <paramref name="article"/>, with offsets into <see cref="Article.Text"/>.</summary>
    public static TokenEnumerator Tokenize(Article article, Sentence sentence) => Tokenize(article.Text, sentence.Span);

    /// <summary>Number of word and number tokens.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (var t in Tokenize(text))
            if (t.IsWordLike) n++;
        return n;
    }

    /// <summary>Enumerates tokens; use with <c>foreach</c>.</summary>
    public ref struct TokenEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly int _offset;
        private int _pos;

        internal TokenEnumerator(ReadOnlySpan<char> text, int offset)
        {
            _text = text;
            _offset = offset;
            _pos = 0;
            Current = default;
        }

        /// <summary>The current token.</summary>
        public Token Current { get; private set; }

        /// <summary>This enumerator (so it works in <c>foreach</c>).</summary>
        public readonly TokenEnumerator GetEnumerator() => this;

        /// <summary>Advances to the next token.</summary>
        public bool MoveNext()
        {
            var s = _text;
            int i = _pos;
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i >= s.Length) { _pos = i; return false; }
            int start = i;
            TokenKind kind;
            char c = s[i];
            if (char.IsLetter(c))
            {
                kind = TokenKind.Word;
                i = ScanWord(s, i);
            }
            else if (char.IsDigit(c))
            {
                kind = TokenKind.Number;
                i++;
                while (i < s.Length && (char.IsDigit(s[i]) || (s[i] is ',' or '.' && i + 1 < s.Length && char.IsDigit(s[i + 1])))) i++;
                while (i < s.Length && char.IsLetter(s[i])) i++;
            }
            else
            {
                kind = char.IsSymbol(c) || c is '%' or '@' or '#' or '&' ? TokenKind.Symbol : TokenKind.Punctuation;
                i += char.IsHighSurrogate(c) && i + 1 < s.Length ? 2 : 1;
            }
            _pos = i;
            Current = new Token(_offset + start, i - start, kind);
            return true;
        }

        private static int ScanWord(ReadOnlySpan<char> s, int i)
        {
            int start = i;
            while (i < s.Length)
            {
                char c = s[i];
                if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) { i++; continue; }
                bool letterFollows = i + 1 < s.Length && char.IsLetter(s[i + 1]);
                if (c is '\'' or '’' or '-' or '‐' && letterFollows) { i++; continue; }
                // Initialisms: a single letter followed by a dot ("U.S.", "a.m.") keeps its dots.
                if (c == '.' && i - start >= 1 && !char.IsLetter(i - 2 >= start ? s[i - 2] : ' ') && (letterFollows || IsInitialismEnd(s, start, i))) { i++; continue; }
                break;
            }
            return i;
        }

        /// <summary>True at the final dot of an initialism such as "U.S." (letter-dot pairs only).</summary>
        private static bool IsInitialismEnd(ReadOnlySpan<char> s, int start, int dot)
        {
            var piece = s[start..dot];
            return piece.Length >= 3 && piece[^2] == '.';
        }
    }
}
