using System.Security.Cryptography;
using System.Text;

namespace Analysis;

/// <summary>
/// What a load would read, summed up without reading it: the relative path, size and write time of every file below a
/// folder (or of one file), and of a manifest outside it. Equal fingerprints mean the same inputs as far as the file
/// system tells; any file added, removed, resized or rewritten changes it. Costs one directory walk (no file is opened).
/// </summary>
internal static class InputFingerprint
{
    /// <summary>The fingerprint of <paramref name="path"/> (a folder or a file) with <paramref name="extra"/> files beside it; null when it does not exist.</summary>
    public static string? Of(string path, params string?[] extra)
    {
        var full = Path.GetFullPath(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string name, FileSystemInfo info)
        {
            // A link counts as what it points to: the loader reads the target.
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            target.Refresh();
            long length = target is FileInfo { Exists: true } file ? file.Length : -1;
            long written = target.Exists ? target.LastWriteTimeUtc.Ticks : 0;
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\0{length}\0{written}\n"));
        }
        if (Directory.Exists(full))
        {
            // Links to folders are not followed (nor by a default load); entries come sorted so the order is stable.
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
            var folder = new DirectoryInfo(full);
            foreach (var entry in folder.EnumerateFileSystemInfos("*", options)
                         .Select(e => (Rel: Path.GetRelativePath(full, e.FullName), Info: e))
                         .OrderBy(e => e.Rel, StringComparer.Ordinal))
                Add(entry.Rel, entry.Info);
        }
        else if (File.Exists(full)) Add(Path.GetFileName(full), new FileInfo(full));
        else return null;
        foreach (var file in extra.OfType<string>()) Add(Path.GetFullPath(file, full), new FileInfo(Path.GetFullPath(file, full)));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
