using System.Text;
using Analysis;
using CsCheck;

namespace Analysis.Tests.Loading;

/// <summary>
/// Random folders of hostile and ordinary entries (file kinds, encodings, links, sizes, nesting) through the loader:
/// it never throws or hangs, every entry is accounted for in the load report, and nothing loads from an entry that
/// is not a regular file.
/// </summary>
public class LoaderFuzzTests
{
    private const string Sentence = "The minister said on Tuesday that 40 people had been hurt. ";

    private enum Kind { Utf8, Utf16Bom, Utf16Le, Utf16Be, Windows1252, Html, DeepHtml, Csv, JsonLines, Binary, Empty, Big, Fifo, FileLink, ParentLink, BrokenLink, LoopLink, DeviceLink, Folder }

    /// <summary>Entries whose content must never become an article.</summary>
    private static readonly HashSet<Kind> NeverLoads = [Kind.Binary, Kind.Empty, Kind.Big, Kind.Fifo, Kind.ParentLink, Kind.BrokenLink, Kind.LoopLink, Kind.DeviceLink, Kind.DeepHtml];

    private static readonly Gen<(Kind Kind, int Seed)[]> Folders =
        Gen.Select(Gen.Enum<Kind>(), Gen.Int[0, 1_000_000]).Array[1, 8];

    private const long Limit = 16 * 1024;

    [Fact]
    public void RandomFoldersLoadWithEveryEntryAccountedFor() =>
        Folders.Sample(Check, iter: 60, threads: 1);

    private static void Check((Kind Kind, int Seed)[] entries)
    {
        using var dir = new TempFolder();
        var names = new List<(string Name, Kind Kind)>();
        for (int i = 0; i < entries.Length; i++)
            if (Create(dir.Path, $"e{i}", entries[i].Kind, new Random(entries[i].Seed)) is { } name) names.Add((name, entries[i].Kind));

        var load = Task.Run(() => Corpus.Load(dir.Path, new LoadOptions { MaxFileBytes = Limit, MaxHtmlDepth = 64 }));
        Assert.True(load.Wait(TimeSpan.FromSeconds(30)), $"load did not finish in 30 s: {string.Join(", ", names)}");
        var corpus = load.Result;

        foreach (var (name, kind) in names)
        {
            var rows = corpus.LoadReport.Where(r => r.File == name || r.File.StartsWith(name + ":") || r.File.StartsWith(name + "/")).ToList();
            Assert.True(rows.Count > 0, $"{name} ({kind}) has no load-report row");
            if (NeverLoads.Contains(kind)) Assert.All(rows, r => Assert.Equal(LoadStatus.Skipped, r.Status));
        }
        Assert.Equal(corpus.Articles.Count, corpus.Articles.Select(a => a.Id).Distinct().Count());
        Assert.All(corpus.Articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Text)));
    }

    /// <summary>Writes one entry; returns its name, or null when this system cannot make that kind (FIFOs on Windows).</summary>
    private static string? Create(string folder, string stem, Kind kind, Random random)
    {
        string text = string.Concat(Enumerable.Repeat(Sentence, random.Next(1, 20)));
        string Write(string ext, byte[] bytes)
        {
            File.WriteAllBytes(Path.Combine(folder, stem + ext), bytes);
            return stem + ext;
        }
        string Link(string name, string target, bool folderLink = false)
        {
            var path = Path.Combine(folder, name);
            if (folderLink) Directory.CreateSymbolicLink(path, target); else File.CreateSymbolicLink(path, target);
            return name;
        }
        bool links = !OperatingSystem.IsWindows();
        switch (kind)
        {
            case Kind.Utf8: return Write(".txt", Encoding.UTF8.GetBytes(text));
            case Kind.Utf16Bom: return Write(".txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
            case Kind.Utf16Le: return Write(".md", new UnicodeEncoding(false, false).GetBytes(text));
            case Kind.Utf16Be: return Write(".txt", new UnicodeEncoding(true, false).GetBytes(text));
            case Kind.Windows1252: return Write(".txt", [.. Encoding.ASCII.GetBytes(text), 0xA3, 0x35, 0xE9]);
            case Kind.Html:
                int depth = random.Next(0, 40);
                var page = $"<html><head><title>T</title></head><body>{string.Concat(Enumerable.Repeat("<div>", depth))}<article>" +
                    string.Concat(Enumerable.Range(0, 6).Select(_ => $"<p>{text}</p>")) + $"</article>{string.Concat(Enumerable.Repeat("</div>", depth))}</body></html>";
                return Write(".html", Encoding.UTF8.GetBytes(page[..Math.Min(page.Length, (int)Limit - 1)]));
            case Kind.DeepHtml:
                var deep = HostileInputTests.NestedPage(random.Next(100, 3000));
                return Write(".html", Encoding.UTF8.GetBytes(deep[..Math.Min(deep.Length, (int)Limit)]));
            case Kind.Csv:
                var rows = Enumerable.Range(0, random.Next(1, 8)).Select(i => random.Next(4) switch
                {
                    0 => $"r{i},\"{text}\"",
                    1 => $"r{i},\"{text}",
                    2 => $"r{i},{text[..10]}\"{text[10..]}",
                    _ => $"r{i},{text},extra",
                });
                return Write(".csv", Encoding.UTF8.GetBytes("id,text\n" + string.Join("\n", rows)));
            case Kind.JsonLines:
                return Write(".jsonl", Encoding.UTF8.GetBytes($"{{\"id\":\"{stem}\",\"text\":\"{text}\"}}\n{{\"id\":\n[1,2]\n"));
            case Kind.Binary:
                var bytes = new byte[random.Next(16, 4096)];
                random.NextBytes(bytes);
                bytes[0] = 0;
                return Write(".txt", bytes);
            case Kind.Empty: return Write(".txt", []);
            case Kind.Big: return Write(".txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Sentence, (int)(Limit / Sentence.Length) + 2))));
            case Kind.Fifo:
                if (OperatingSystem.IsWindows()) return null;
                HostileInputTests.MakeFifo(Path.Combine(folder, stem + ".txt"));
                return stem + ".txt";
            case Kind.FileLink when links:
                Write(".target.txt", Encoding.UTF8.GetBytes(text));
                return Link(stem + ".txt", stem + ".target.txt");
            case Kind.ParentLink when links: return Link(stem, "..", folderLink: true);
            case Kind.BrokenLink when links: return Link(stem + ".txt", "missing-" + stem);
            case Kind.LoopLink when links: return Link(stem + ".txt", stem + ".txt");
            case Kind.DeviceLink when links && File.Exists("/dev/zero"): return Link(stem + ".txt", "/dev/zero");
            case Kind.Folder:
                Directory.CreateDirectory(Path.Combine(folder, stem));
                File.WriteAllText(Path.Combine(folder, stem, "inner.txt"), text);
                return stem;
            default: return null;
        }
    }
}
