using System.Text;
using System.Text.Unicode;

namespace Analysis;

/// <summary>The text of a file and how it was decoded.</summary>
internal readonly record struct DecodedText(string Text, string Encoding, string? Warning);

/// <summary>
/// Turns file bytes into text: a byte-order mark decides UTF-8/UTF-16/UTF-32; without one, UTF-16 is told by its
/// zero bytes (see <see cref="Utf16WithoutBom"/>), else the bytes must be valid UTF-8, else they are read as
/// Windows-1252 (the usual encoding of "Latin-1" web copies) with a warning.
/// </summary>
internal static class TextDecoder
{
    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }

    /// <summary>True when the bytes look like a binary file rather than text (NUL or many control bytes).</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (HasUnicodeBom(bytes) || Utf16WithoutBom(bytes) is not null) return false;
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.IndexOf((byte)0) >= 0) return true;
        int control = 0;
        foreach (byte b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) control++;
        return control * 20 > head.Length;
    }

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return new(System.Text.Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom", null);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 })) return new(System.Text.Encoding.UTF32.GetString(bytes[4..]), "utf-32le-bom", null);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE })) return new(System.Text.Encoding.Unicode.GetString(bytes[2..]), "utf-16le-bom", null);
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF })) return new(System.Text.Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be-bom", null);
        if (Utf16WithoutBom(bytes) is { } utf16)
            return new(utf16.GetString(bytes), utf16 == System.Text.Encoding.Unicode ? "utf-16le" : "utf-16be",
                "no byte-order mark; read as UTF-16 from its pattern of zero bytes");
        if (Utf8.IsValid(bytes)) return new(System.Text.Encoding.UTF8.GetString(bytes), "utf-8", null);
        int bad = FirstInvalidUtf8(bytes);
        return new(Windows1252.GetString(bytes), "windows-1252",
            $"not valid UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad}); decoded as Windows-1252");
    }

    /// <summary>
    /// UTF-16 without a byte-order mark, told by where its zero bytes fall: text that is mostly Latin script has a zero
    /// high byte in most code units, so zeros crowd one byte position of each pair and almost never the other. The
    /// whole text must then decode as valid UTF-16 (no lone surrogates). Null when the bytes do not read so.
    /// </summary>
    internal static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return null;
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        int pairs = head.Length / 2, zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) zeroEven++;
            if (head[i + 1] == 0) zeroOdd++;
        }
        Encoding? guess = zeroOdd * 2 >= pairs && zeroEven * 20 <= pairs ? StrictUtf16LittleEndian
            : zeroEven * 2 >= pairs && zeroOdd * 20 <= pairs ? StrictUtf16BigEndian
            : null;
        if (guess is null) return null;
        try { guess.GetCharCount(bytes); }
        catch (DecoderFallbackException) { return null; }
        return guess == StrictUtf16LittleEndian ? System.Text.Encoding.Unicode : System.Text.Encoding.BigEndianUnicode;
    }

    private static readonly Encoding StrictUtf16LittleEndian = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    private static bool HasUnicodeBom(ReadOnlySpan<byte> b) =>
        b.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) || b.StartsWith(new byte[] { 0xFF, 0xFE }) || b.StartsWith(new byte[] { 0xFE, 0xFF });

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        Span<char> sink = stackalloc char[256];
        int consumed = 0;
        while (consumed < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[consumed..], sink, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            consumed += read;
            if (status is System.Buffers.OperationStatus.InvalidData or System.Buffers.OperationStatus.NeedMoreData) return consumed;
            if (status == System.Buffers.OperationStatus.Done) break;
        }
        return Math.Min(consumed, bytes.Length - 1);
    }
}
