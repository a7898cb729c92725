using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Analysis.Kernel;

/// <summary>
/// Ends the kernel when the front end that started it is gone, so a crashed or killed client leaves no orphan:
/// on Unix the kernel is re-parented when its parent dies, and jupyter_client also names the parent in
/// <c>JPY_PARENT_PID</c>.
/// </summary>
public static class ParentWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Starts a background watch that calls <paramref name="onParentGone"/> once, with the reason.</summary>
    public static void Start(Action<string> onParentGone)
    {
        if (OperatingSystem.IsWindows()) return; // there JPY_PARENT_PID is a handle, and no re-parenting happens
        var parent = getppid();
        int? named = int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var pid) && pid > 1 ? pid : null;
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(Interval);
                if (getppid() != parent) { onParentGone($"parent process {parent} exited"); return; }
                if (named is { } n && n != parent && !IsAlive(n)) { onParentGone($"JPY_PARENT_PID {n} exited"); return; }
            }
        }) { IsBackground = true, Name = "kernel-parent-watch" };
        thread.Start();
    }

    private static bool IsAlive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    [DllImport("libc")]
    private static extern int getppid();
}
