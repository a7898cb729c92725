using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Analysis.Kernel.Tests;

/// <summary>Debian's jupyter_client drives the kernel process: info, shutdown, forged messages, a vanishing client.</summary>
public sealed class KernelLifecycleTests(JupyterClients clients) : IClassFixture<JupyterClients>
{
    [Fact]
    public void KernelInfoDescribesCSharp()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(new JsonObject { ["kernel_info"] = true }, new JsonObject { ["comm_info"] = true }, new JsonObject { ["history"] = true });
        var info = run[0]["reply"]!;
        Assert.Equal("ok", info["status"]!.GetValue<string>());
        Assert.Equal("5.3", info["protocol_version"]!.GetValue<string>());
        var language = info["language_info"]!;
        Assert.Equal("C#", language["name"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", language["mimetype"]!.GetValue<string>());
        Assert.Equal(".cs", language["file_extension"]!.GetValue<string>());
        Assert.Equal("csharp", language["pygments_lexer"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+$", language["version"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", language["codemirror_mode"]!.GetValue<string>()); // JupyterLab's highlighting
        Assert.True(run[0]["idle"]!.GetValue<bool>(), "no idle status with the request as parent");
        Assert.Empty(run[1]["reply"]!["comms"]!.AsObject());
        Assert.Empty(run[2]["reply"]!["history"]!.AsArray());
    }

    [Fact]
    public void ShutdownLeavesNoProcess()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(new JsonObject { ["kernel_info"] = true }, new JsonObject { ["shutdown"] = true });
        var pid = run[1]["pid"]!.GetValue<int>();
        Assert.True(run[1]["exited_by_itself"]!.GetValue<bool>(), $"kernel {pid} still ran 10 s after shutdown_request");
        Assert.False(IsRunning(pid));
    }

    [Fact]
    public void KernelExitsWhenItsClientIsKilled()
    {
        JupyterClients.SkipUnlessInstalled();
        var pidFile = Path.Combine(clients.Prefix, "client-kernel.pid");
        var info = new ProcessStartInfo(JupyterClients.Python);
        foreach (var a in new[] { Path.Combine(JupyterClients.ClientsFolder, "drive_kernel.py"), JupyterClients.KernelName, "--start-and-wait", pidFile })
            info.ArgumentList.Add(a);
        foreach (var (key, value) in clients.Environment) info.Environment[key] = value;
        using var client = Process.Start(info)!;
        var started = DateTime.UtcNow;
        while (!File.Exists(pidFile) && !client.HasExited && DateTime.UtcNow - started < TimeSpan.FromSeconds(60)) Thread.Sleep(100);
        Assert.True(File.Exists(pidFile), "the client did not start the kernel");
        var pid = int.Parse(File.ReadAllText(pidFile));
        Assert.True(IsRunning(pid));
        client.Kill(); // SIGKILL: the client gets no chance to shut the kernel down
        client.WaitForExit();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (IsRunning(pid) && DateTime.UtcNow < deadline) Thread.Sleep(100);
        Assert.False(IsRunning(pid), $"kernel {pid} still runs 10 s after its client was killed");
    }

    /// <summary>Running and not a zombie (an orphan's exit may stay unreaped where PID 1 does not reap).</summary>
    internal static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try { return File.Exists(stat) && File.ReadAllText(stat).Split(')')[^1].Trim()[0] != 'Z'; }
        catch (IOException) { return false; }
    }
}
