using Analysis;
using Analysis.Tests.Loading;
using CsCheck;

namespace Analysis.Tests.Cleaning;

/// <summary>Invariants of non-destructive cleaning on random pages built from labelled lines, body text and line breaks.</summary>
public class CleanerPropertyTests
{
    private static readonly string[] Pieces = TestFiles.Tsv("Cleaning", "Data", "line-kinds.tsv").Select(c => c[0])
        .Concat(["Hours before the envoy la", "nded, sirens sounded.", "— Jane Roe (@janeroe) March 3, 2024", "Related", "“Quote,” he said.", "t"])
        .ToArray();

    private static readonly Gen<string> Pages =
        Gen.OneOf<string>(Gen.OneOf(Pieces), Gen.OneOf("\n", "\r\n", "\r", "\n\n", " ", "\u00A0"))
            .Array[0, 30].Select(parts => string.Concat(parts));

    [Fact]
    public void EveryRawCharacterIsKeptOrAccountedFor() => Pages.Sample(raw =>
    {
        var cleaned = Cleaner.Clean(raw);
        var covered = new bool[raw.Length];
        for (int i = 0; i < cleaned.Text.Length; i++)
        {
            if (cleaned.Text[i] is '\n' or ' ' && (i >= raw.Length || cleaned.Text[i] != raw[cleaned.Map.ToRaw(i)])) continue;
            int r = cleaned.Map.ToRaw(i);
            Assert.Equal(cleaned.Text[i], raw[r]);
            covered[r] = true;
        }
        foreach (var piece in cleaned.Removed)
        {
            Assert.Equal(piece.Text, raw[piece.RawStart..piece.RawEnd]);
            for (int r = piece.RawStart; r < piece.RawEnd; r++) covered[r] = true;
        }
        for (int r = 0; r < raw.Length; r++)
            Assert.True(covered[r] || char.IsWhiteSpace(raw[r]), $"raw character {r} '{raw[r]}' is neither kept nor set apart in: {raw}");
    });

    [Fact]
    public void CleaningIsDeterministic() => Pages.Sample(raw =>
    {
        var a = Cleaner.Clean(raw);
        var b = Cleaner.Clean(raw);
        Assert.Equal(a.Text, b.Text);
        Assert.Equal(a.Removed, b.Removed);
    });
}
