using System.Runtime.InteropServices;

namespace Analysis;

/// <summary>What a folder entry is, as the walk needs to know before opening it.</summary>
internal enum EntryKind { File, Folder, Fifo, CharacterDevice, BlockDevice, Socket, Other, LinkLoop, BrokenLink, Unreadable }

/// <summary>A folder entry's kind, whether it is a symbolic link, and an identity of what it leads to (for cycle detection).</summary>
internal readonly record struct EntryInfo(EntryKind Kind, bool IsLink, string? Identity, string? Problem);

/// <summary>
/// Tells regular files from FIFOs, devices and sockets, and symbolic links from what they lead to, without opening
/// anything (opening a FIFO for reading blocks until a writer comes; reading /dev/zero never ends).
/// </summary>
/// <remarks>
/// .NET's file APIs do not expose the file type beyond "directory" and "link", so on Linux this asks statx(2), whose
/// struct has the same layout on every architecture (unlike stat's). Elsewhere (Windows has no FIFOs or devices in a
/// folder) it falls back to .NET's attributes, and the size limit enforced while reading still bounds a device.
/// </remarks>
internal static class FileKinds
{
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, StatxType = 0x1, StatxIno = 0x100;
    private const int ELoop = 40, ENoEnt = 2, ENotDir = 20, ENoSys = 38;
    private static bool statxMissing = !OperatingSystem.IsLinux();

    /// <summary>struct statx (linux/stat.h): only the fields read here, at their fixed offsets.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int StatxCall(int dirFd, string path, int flags, int mask, out Statx buffer);

    /// <summary>What <paramref name="path"/> is; a link is described by what it leads to, with <see cref="EntryInfo.IsLink"/> set.</summary>
    public static EntryInfo Of(string path)
    {
        if (!statxMissing)
        {
            try { return OfStatx(path); }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { statxMissing = true; }
        }
        return OfDotNet(path);
    }

    private static EntryInfo OfStatx(string path)
    {
        if (StatxCall(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxIno, out var own) != 0) return Failed(path, false);
        bool isLink = (own.Mode & 0xF000) == 0xA000;
        var target = own;
        if (isLink && StatxCall(AtFdCwd, path, 0, StatxType | StatxIno, out target) != 0) return Failed(path, true);
        var kind = (target.Mode & 0xF000) switch
        {
            0x8000 => EntryKind.File,
            0x4000 => EntryKind.Folder,
            0x1000 => EntryKind.Fifo,
            0x2000 => EntryKind.CharacterDevice,
            0x6000 => EntryKind.BlockDevice,
            0xC000 => EntryKind.Socket,
            _ => EntryKind.Other,
        };
        return new(kind, isLink, $"{target.DevMajor}:{target.DevMinor}:{target.Inode}", null);
    }

    private static EntryInfo Failed(string path, bool isLink)
    {
        int errno = Marshal.GetLastPInvokeError();
        if (errno == ENoSys) { statxMissing = true; return OfDotNet(path); }
        return errno switch
        {
            ELoop => new(EntryKind.LinkLoop, true, null, "symbolic link loop (too many levels of links)"),
            ENoEnt or ENotDir when isLink => new(EntryKind.BrokenLink, true, null, $"broken link: its target '{LinkTarget(path)}' does not exist"),
            _ => new(EntryKind.Unreadable, isLink, null, $"unreadable: {Marshal.GetPInvokeErrorMessage(errno)}"),
        };
    }

    private static string? LinkTarget(string path)
    {
        try { return new FileInfo(path).LinkTarget; }
        catch (IOException) { return null; }
    }

    private static EntryInfo OfDotNet(string path)
    {
        try
        {
            FileSystemInfo info = new FileInfo(path);
            bool isLink = info.LinkTarget is not null;
            if (isLink)
            {
                if (info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true } final)
                    return new(EntryKind.BrokenLink, true, null, $"broken link: its target '{info.LinkTarget}' does not exist");
                info = final;
            }
            bool folder = info.Attributes.HasFlag(FileAttributes.Directory);
            return new(folder ? EntryKind.Folder : EntryKind.File, isLink, Path.TrimEndingDirectorySeparator(info.FullName), null);
        }
        catch (IOException e) when (e.Message.Contains("levels of symbolic links", StringComparison.OrdinalIgnoreCase))
        {
            return new(EntryKind.LinkLoop, true, null, "symbolic link loop (too many levels of links)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(EntryKind.Unreadable, false, null, $"unreadable: {e.Message}");
        }
    }

    /// <summary>The words a load-report row uses for a kind that is not read.</summary>
    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Fifo => "fifo",
        EntryKind.CharacterDevice => "character device",
        EntryKind.BlockDevice => "block device",
        EntryKind.Socket => "socket",
        _ => "special file",
    };
}
