using Analysis.Kernel.Protocol;
using Analysis.Notebooks.Engine;

namespace Analysis.Kernel;

/// <summary>One kernel process: binds the sockets, answers until shutdown or until its parent is gone, then exits.</summary>
public static class KernelProcess
{
    public static int Run(ConnectionInfo connection)
    {
        var log = Console.Error;
        // Cells cannot prompt (no input_request support): Console.ReadLine returns null instead of waiting on a pipe no one writes.
        Console.SetIn(TextReader.Null);
        // The session (reading the framework's reference metadata) and Roslyn's first compilation happen on the thread
        // pool while the sockets bind and the client's handshake runs: kernel_info is answered without waiting for them.
        var session = Task.Run(() =>
        {
            var created = new NotebookSession(new SessionOptions { WorkingDirectory = Directory.GetCurrentDirectory() });
            _ = created.WarmUpAsync();
            return created;
        });
        using var server = new KernelServer(connection, log);
        JupyterKernel.RegisterCommon(server);
        new CellRequests(server, session).Register();
        ParentWatch.Start(reason => server.Stop(reason));
        log.WriteLine($"kernel: listening on {connection.Address(connection.ShellPort)} (shell)");
        server.Run();
        session.Result.Dispose();
        return 0;
    }
}
