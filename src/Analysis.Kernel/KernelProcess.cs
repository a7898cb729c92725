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
        using var server = new KernelServer(connection, log);
        using var session = new NotebookSession(new SessionOptions { WorkingDirectory = Directory.GetCurrentDirectory() });
        _ = session.WarmUpAsync(); // overlaps Roslyn's JIT with the client's handshake
        JupyterKernel.RegisterCommon(server);
        new CellRequests(server, session).Register();
        ParentWatch.Start(reason => server.Stop(reason));
        log.WriteLine($"kernel: listening on {connection.Address(connection.ShellPort)} (shell)");
        server.Run();
        return 0;
    }
}
